package dev.packguard.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.image.DecodedCode;
import dev.packguard.scanner.image.ImageDecoder;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard decode [--json] [--image FILE]... [--text SCAN]...}: turns scans and bar code
 * images into product identifiers. Exit 0 when every input decoded, 65 when any could not be
 * read, 64 when there is no input. With {@code --json}, one JSON object per code, one per line.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Decode scans and barcode images into product identifiers (GTIN, serial, lot, expiry).")
public final class DecodeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per code (one per line).")
    boolean json;

    @Option(names = "--image", paramLabel = "FILE", description = "An image (PNG, JPEG) with one or more codes.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--text", paramLabel = "SCAN", description = "What a scanner sent: GS as 0x1D or \\x1d/<GS>, "
            + "bracketed (01)…(21)…, a Digital Link URI or an IFA [)> envelope.")
    List<String> texts = new ArrayList<>();

    @Option(names = "--gs-substitute", paramLabel = "TEXT",
            description = "The text the scanner is programmed to send instead of GS (e.g. ~).")
    String gsSubstitute;

    @Option(names = "--layout", paramLabel = "MODE", defaultValue = "DETECT",
            description = "Keyboard layout handling: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WedgeConfig.Layout layout;

    @Option(names = "--case", paramLabel = "MODE", defaultValue = "DETECT",
            description = "Upper/lower case handling: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WedgeConfig.CaseHandling caseHandling;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (images.isEmpty() && texts.isEmpty()) {
            err.println("packguard decode: nothing to decode; give --text SCAN or --image FILE (or both).");
            return ExitCode.USAGE;
        }
        WedgeConfig config = WedgeConfig.defaults().withLayout(layout).withCaseHandling(caseHandling);
        if (gsSubstitute != null) {
            try {
                config = config.withGsSubstitute(gsSubstitute);
            } catch (IllegalArgumentException e) {
                err.println("packguard decode: --gs-substitute: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        ScanDecoder decoder = new ScanDecoder(config, Clock.systemDefaultZone());
        boolean allRead = true;
        for (String text : texts) {
            ParseResult r = decoder.decode(text);
            allRead &= r instanceof ParseResult.Success;
            print(out, entry("text", text, r, List.of(), null));
        }
        ImageDecoder imageDecoder = new ImageDecoder();
        for (Path image : images) {
            ImageDecoder.FileResult fr = imageDecoder.decode(image);
            if (fr instanceof ImageDecoder.Unreadable u) {
                allRead = false;
                print(out, failure("image", image.toString(), u.message()));
                continue;
            }
            List<DecodedCode> codes = ((ImageDecoder.Codes) fr).codes();
            if (codes.isEmpty()) {
                allRead = false;
                print(out, failure("image", image.toString(), "no bar code was found in the image"));
            }
            for (DecodedCode code : codes) {
                allRead &= code.result() instanceof ParseResult.Success;
                print(out, entry("image", image.toString(), code.result(), code.corners(), code.format()));
            }
        }
        return allRead ? ExitCode.OK : ExitCode.DATA;
    }

    private void print(PrintWriter out, ObjectNode entry) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(entry));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
            return;
        }
        StringBuilder line = new StringBuilder();
        String input = entry.path("input").asText().replace("\u001d", "<GS>").replace("\u001e", "<RS>").replace("\u0004", "<EOT>");
        if (entry.path("errors").isEmpty()) {
            line.append("OK    ").append(input).append('\n')
                    .append("      ").append(entry.path("symbology").asText())
                    .append("  GTIN ").append(entry.path("gtin").asText());
            for (String f : List.of("serial", "lot", "expiry")) {
                if (!entry.path(f).isNull()) {
                    line.append("  ").append(f).append(' ').append(entry.path(f).asText());
                }
            }
        } else {
            line.append("ERROR ").append(input);
            entry.path("errors").forEach(e -> line.append('\n').append("      ").append(e.path("rule").asText())
                    .append(" at position ").append(e.path("position").asText()).append(": ").append(e.path("message").asText()));
        }
        entry.path("repairs").forEach(r -> line.append('\n').append("      repaired: ").append(r.path("description").asText()));
        out.println(line);
    }

    private static ObjectNode entry(String source, String input, ParseResult result, List<DecodedCode.Point> points,
            String format) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", source);
        o.put("input", input);
        if (format != null) {
            o.put("format", format);
            ArrayNode pts = o.putArray("points");
            points.forEach(p -> pts.addObject().put("x", p.x()).put("y", p.y()));
        }
        ArrayNode repairs = JSON.createArrayNode();
        ArrayNode errors = JSON.createArrayNode();
        if (result instanceof ParseResult.Success s) {
            ProductIdentifier id = s.identifier();
            o.put("symbology", id.symbology().name());
            o.put("aim", id.symbology().aimIdentifier());
            o.put("gtin", id.gtin());
            o.put("serial", id.serial().orElse(null));
            o.put("lot", id.lot().orElse(null));
            o.put("expiry", id.expiry().map(Object::toString).orElse(null));
            o.put("expiryDayUnspecified", id.expiryDayUnspecified());
            ObjectNode ais = o.putObject("ais");
            id.ais().forEach(ais::put);
            ObjectNode national = o.putObject("nationalNumbers");
            national.put("pzn", id.nationalNumbers().pzn().orElse(null));
            national.put("ppn", id.nationalNumbers().ppn().orElse(null));
            national.put("ndc", id.nationalNumbers().ndc().orElse(null));
            id.repairs().forEach(r -> repairs.add(repair(r)));
        } else {
            ParseResult.Failure f = (ParseResult.Failure) result;
            for (String field : List.of("symbology", "gtin", "serial", "lot", "expiry")) {
                o.putNull(field);
            }
            o.putObject("ais");
            f.repairs().forEach(r -> repairs.add(repair(r)));
            errors.add(error(f.error()));
        }
        o.set("repairs", repairs);
        o.set("errors", errors);
        return o;
    }

    private static ObjectNode failure(String source, String input, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", source);
        o.put("input", input);
        for (String field : List.of("symbology", "gtin", "serial", "lot", "expiry")) {
            o.putNull(field);
        }
        o.putObject("ais");
        o.putArray("repairs");
        ObjectNode e = o.putArray("errors").addObject();
        e.put("rule", ParseError.Rule.UNREADABLE_IMAGE.name());
        e.putNull("ai");
        e.put("position", 0);
        e.put("message", message);
        return o;
    }

    private static ObjectNode repair(Repair r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", r.kind().name());
        o.put("position", r.position());
        o.put("description", r.description());
        return o;
    }

    private static ObjectNode error(ParseError e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rule", e.rule().name());
        o.put("ai", e.ai().orElse(null));
        o.put("position", e.position());
        o.put("message", e.message());
        return o;
    }
}
