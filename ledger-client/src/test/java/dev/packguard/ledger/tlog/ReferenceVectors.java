package dev.packguard.ledger.tlog;

import java.util.HexFormat;
import java.util.List;

/**
 * Published Merkle tree test vectors, recorded as facts.
 *
 * <p>Source: the reference test data of github.com/transparency-dev/merkle (proof/verify_test.go
 * and rfc6962/rfc6962_test.go, also used by Trillian and Certificate Transparency): eight
 * leaves, the RFC 6962 roots of each prefix, and known inclusion and consistency proofs.
 */
final class ReferenceVectors {

    static final HexFormat HEX = HexFormat.of();

    /** The leaf inputs, in order: "", 00, 10, 2021, 3031, 40414243, 50..57, 60..6f. */
    static final List<byte[]> LEAVES = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    /** ROOTS.get(k) is the root of the tree of the first k + 1 leaves. */
    static final List<Hash> ROOTS = hashes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** SHA-256 of the empty string, `echo -n | sha256sum`. */
    static final Hash EMPTY_TREE = hash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    /** Leaf hash of the 7 bytes "L123456" (rfc6962_test.go). */
    static final Hash LEAF_L123456 = hash("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");

    /** Known inclusion proofs (the source numbers leaves from 1; these indexes are 0-based). */
    static final List<Inclusion> INCLUSION = List.of(
            new Inclusion(0, 8, hashes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, hashes(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, hashes(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, hashes(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Inclusion(0, 1, List.of()));

    /** Known consistency proofs. */
    static final List<Consistency> CONSISTENCY = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, hashes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, hashes(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, hashes(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, hashes(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    record Inclusion(long index, long size, List<Hash> path) {
    }

    record Consistency(long oldSize, long newSize, List<Hash> path) {
    }

    static Hash hash(String hex) {
        return Hash.of(HEX.parseHex(hex));
    }

    static List<Hash> hashes(String... hex) {
        return java.util.Arrays.stream(hex).map(ReferenceVectors::hash).toList();
    }

    static Hash leafHash(long index) {
        return TreeHash.leafHash(LEAVES.get((int) index));
    }

    static MemoryTree referenceTree() {
        MemoryTree tree = new MemoryTree();
        LEAVES.forEach(tree::appendEntry);
        return tree;
    }

    private ReferenceVectors() {
    }
}
