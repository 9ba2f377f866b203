package dev.packguard.node.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo pharmacy's operators roster, written as {@code operators.json} in the station's
 * operators file format 1 (docs/CONFIGURATION.md "Operators"; the app reads it with
 * {@code OperatorsFile}, which this module cannot depend on): the demo operator the demo signs
 * in with, and two more to pick from the list after signing out (docs/DEMO.md).
 */
public final class DemoOperators {
    /** The roster file inside a world. */
    public static final String FILE = "operators.json";
    /** The demo operator's badge: the one {@code packguard demo} signs in with. */
    public static final String DEMO_BADGE = "DEMO-OPERATOR";
    /** The demo operator's name, as the station shows it. */
    public static final String DEMO_NAME = "Demo Operator";

    // badge, name, role. The pharmacist signs in with the id they authorise with: the demo tells one story.
    private static final String[][] OPERATORS = {
        {DEMO_BADGE, DEMO_NAME, "technician"},
        {"DEMO-TECH-2", "Lena Hoffmann", "technician"},
        {DemoPharmacist.ID, DemoPharmacist.NAME, "pharmacist"},
    };

    private DemoOperators() {
    }

    /** The file's JSON. */
    static ObjectNode json() {
        ObjectNode root = WorldFiles.JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("operators");
        for (String[] o : OPERATORS) {
            list.addObject().put("badge", o[0]).put("name", o[1]).put("role", o[2]);
        }
        return root;
    }
}
