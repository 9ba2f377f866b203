package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.CompanyPrefix;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The X.509 extension in which the consortium CA certifies a {@link PartyProfile} (docs/LEDGER.md
 * "Statements", party certificates). It is critical: software that does not know it must not accept the
 * certificate for anything.
 *
 * <pre>
 * PackGuardParty ::= SEQUENCE {
 *   version          INTEGER (1),
 *   partyId          PrintableString (SIZE (13)),   -- PGLN
 *   role             ENUMERATED { manufacturer(1), wholesaler(2), dispenser(3), regulator(4) },
 *   companyPrefixes  SEQUENCE OF PrintableString,   -- ascending
 *   glns             SEQUENCE OF PrintableString }  -- ascending
 * </pre>
 */
public final class PartyProfileExtension {
    /**
     * The extension's OID, under the UUID arc 2.25 (ITU-T X.667 §6.3), which needs no registration:
     * UUID e4992e36-8273-411e-9917-f4d75852ad6d.
     */
    public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("2.25.303859341767851576660632712352764177773");

    private PartyProfileExtension() {}

    /** The DER extension value (the content of extnValue) for the party's id, role, prefixes and GLNs. */
    static byte[] encode(PartyProfile profile) {
        ASN1EncodableVector prefixes = new ASN1EncodableVector();
        profile.companyPrefixes().forEach(p -> prefixes.add(new DERPrintableString(p.digits())));
        ASN1EncodableVector glns = new ASN1EncodableVector();
        profile.glns().forEach(g -> glns.add(new DERPrintableString(g.digits())));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(1));
        v.add(new DERPrintableString(profile.partyId().digits()));
        v.add(new ASN1Enumerated(profile.role().ordinal() + 1));
        v.add(new DERSequence(prefixes));
        v.add(new DERSequence(glns));
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER-encoding in memory", e);
        }
    }

    /** The certified party data in {@code der} (with the certificate's display name), or empty when malformed or not canonical DER. */
    static Optional<PartyProfile> decode(byte[] der, String name) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(der);
            if (seq.size() != 5 || !Arrays.equals(seq.getEncoded(ASN1Encoding.DER), der)
                    || ASN1Integer.getInstance(seq.getObjectAt(0)).intValueExact() != 1) {
                return Optional.empty();
            }
            String partyId = DERPrintableString.getInstance(seq.getObjectAt(1)).getString();
            int role = ASN1Enumerated.getInstance(seq.getObjectAt(2)).intValueExact();
            List<String> prefixes = strings(ASN1Sequence.getInstance(seq.getObjectAt(3)));
            List<String> glns = strings(ASN1Sequence.getInstance(seq.getObjectAt(4)));
            if (!Gln.isValid(partyId) || role < 1 || role > Role.values().length
                    || !prefixes.stream().allMatch(CompanyPrefix::isValid) || !glns.stream().allMatch(Gln::isValid)
                    || !ascending(prefixes) || !ascending(glns)) {
                return Optional.empty();
            }
            return Optional.of(new PartyProfile(new Gln(partyId), name, Role.values()[role - 1],
                    prefixes.stream().map(CompanyPrefix::new).toList(), glns.stream().map(Gln::new).toList()));
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle signals malformed ASN.1 with IllegalArgumentException, ClassCastException and others.
            return Optional.empty();
        }
    }

    private static List<String> strings(ASN1Sequence seq) {
        List<String> out = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) {
            out.add(DERPrintableString.getInstance(seq.getObjectAt(i)).getString());
        }
        return out;
    }

    private static boolean ascending(List<String> items) {
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).compareTo(items.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
