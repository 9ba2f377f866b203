package dev.packguard.ledger.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TilesTest {

    @Test
    void forTreeSize_matchesTheSpecExampleOf70000() {
        // C2SP tlog-tiles: "a tree of size 70,000 will be represented by 273 full level 0 tiles,
        // one partial level 0 tile of width 112, one full level 1 tile, one partial level 1
        // tile of width 17, and one partial level 2 tile of width 1."
        List<Tile> tiles = Tiles.forTreeSize(70_000);

        assertThat(tiles.stream().filter(t -> t.level() == 0 && !t.isPartial())).hasSize(273);
        assertThat(tiles).contains(new Tile(0, 273, 112), new Tile(1, 0, 256), new Tile(1, 1, 17), new Tile(2, 0, 1));
        assertThat(tiles).hasSize(273 + 1 + 1 + 1 + 1);
    }

    @Test
    void forTreeSize_ofOneFullTile_hasAPartialTileAbove() {
        // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1
        // tile of width 1."
        assertThat(Tiles.forTreeSize(256)).containsExactly(new Tile(0, 0, 256), new Tile(1, 0, 1));
        assertThat(Tiles.forTreeSize(0)).isEmpty();
        assertThat(Tiles.forTreeSize(1)).containsExactly(new Tile(0, 0, 1));
    }

    @Test
    void tileAt_givesTheWidthForTheTreeSize() {
        assertThat(Tiles.tileAt(0, 273, 70_000)).contains(new Tile(0, 273, 112));
        assertThat(Tiles.tileAt(0, 272, 70_000)).contains(new Tile(0, 272, 256));
        assertThat(Tiles.tileAt(0, 274, 70_000)).isEmpty();
        assertThat(Tiles.tileAt(3, 0, 70_000)).isEmpty();
        assertThat(Tiles.tileAt(7, 0, Tiles.MAX_TREE_SIZE)).contains(new Tile(7, 0, 64));
    }

    @Test
    void newTiles_listsOnlyGrownTiles() {
        // The level-1 tile of width 1 already exists at 300.
        assertThat(Tiles.newTiles(300, 301)).containsExactly(new Tile(0, 1, 45));
        assertThat(Tiles.newTiles(511, 512)).containsExactly(new Tile(0, 1, 256), new Tile(1, 0, 2));
        assertThat(Tiles.newTiles(256, 300)).containsExactly(new Tile(0, 1, 44));
        assertThat(Tiles.newTiles(300, 300)).isEmpty();
    }

    @Property(tries = 300)
    void newTiles_isTheSetDifferenceOfTheTwoTrees(@ForAll @LongRange(min = 0, max = 140_000) long a,
                                                  @ForAll @LongRange(min = 0, max = 140_000) long b) {
        long oldSize = Math.min(a, b);
        long newSize = Math.max(a, b);
        Set<Tile> expected = new HashSet<>(Tiles.forTreeSize(newSize));
        Tiles.forTreeSize(oldSize).forEach(expected::remove);

        assertThat(Tiles.newTiles(oldSize, newSize)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
}
