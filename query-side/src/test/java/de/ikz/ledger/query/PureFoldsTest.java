package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.agreement.AgreementViewCodec;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.ledger.Savings;
import de.ikz.ledger.query.ledger.ServiceMatrices;
import de.ikz.ledger.query.ledger.Services;
import de.ikz.ledger.query.partner.PartnerView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The folds and what is computed from them know no storage, framework or clock, so that live
 * views, rebuilds and views as of a past instant can share them.
 */
class PureFoldsTest {

    private static final List<String> FORBIDDEN = List.of(
            "com/mongodb", "org/bson", "org/springframework", "org/axonframework", "java/time/Clock", "java/util/UUID");

    @Test
    void foldsAndCalculationsReferToNoStorageFrameworkOrClock() throws IOException {
        List<Class<?>> pure = new ArrayList<>(List.of(
                AgreementView.class,
                PartnerView.class,
                PartnerContribution.class,
                Savings.class,
                Services.class,
                ServiceMatrices.class));
        for (Class<?> type : List.copyOf(pure)) {
            pure.addAll(List.of(type.getDeclaredClasses()));
        }

        for (Class<?> type : pure) {
            String constants = constantsOf(type);
            for (String forbidden : FORBIDDEN) {
                assertThat(constants)
                        .as("%s refers to %s", type.getName(), forbidden)
                        .doesNotContain(forbidden);
            }
        }
    }

    @Test
    void theCheckSeesWhatAClassRefersTo() throws IOException {
        assertThat(constantsOf(AgreementViewCodec.class)).contains("org/bson");
    }

    /** The class file read as text: its constant pool names every type and method it refers to. */
    private static String constantsOf(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
