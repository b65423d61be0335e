package de.ikz.ledger.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.Refusal;
import de.ikz.ledger.api.query.AgreementDetails;
import de.ikz.ledger.api.query.AgreementList;
import de.ikz.ledger.api.query.FindAgreement;
import de.ikz.ledger.api.query.FindPartner;
import de.ikz.ledger.api.query.FindPartnerSavings;
import de.ikz.ledger.api.query.FindPartnerServices;
import de.ikz.ledger.api.query.FindSavingsTotals;
import de.ikz.ledger.api.query.FindServiceMatrix;
import de.ikz.ledger.api.query.ListAgreements;
import de.ikz.ledger.api.query.ListPartners;
import de.ikz.ledger.api.query.PartnerList;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.PartnerSummary;
import de.ikz.ledger.api.query.SavingsTotals;
import de.ikz.ledger.api.query.ServiceMatrix;
import de.ikz.ledger.platform.web.ProblemHandler;
import de.ikz.ledger.query.processing.ViewConsistency;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.ReferenceCase;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import java.util.concurrent.TimeUnit;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What crosses Axon Server in the distributed deployment survives the trip: every query the HTTP
 * API sends and its answer, and a refused command's code. Each message goes through the Axon Server
 * connector's own serializers with this application's message serializer ({@code
 * axon.serializer.messages=jackson}; both sides build it from the same platform configuration),
 * the way it would travel between two services. (Outside the query side's packages, so that its
 * component scan leaves the test controller alone.)
 */
@TestPropertySource(properties = "ikz.test.context=across-axon-server")
class AcrossAxonServerTest extends QuerySideIntegrationTest {

    private static final ReferenceCase ref = new ReferenceCase("-wire");
    private static long position = -1;

    @Autowired
    QueryBus queryBus;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    Serializer serializer;

    @Autowired
    ViewConsistency consistency;

    @BeforeEach
    void recordTheReferenceCaseOnce() {
        if (position < 0) {
            position = new EventLog(eventStore).append(ref.all());
        }
        assertThat(consistency.await(position)).isTrue();
    }

    @Test
    void everyQueryOfTheHttpApiAndItsAnswerCrossAxonServerUnchanged() throws Exception {
        assertCrosses(new ListPartners(), ResponseTypes.instanceOf(PartnerList.class));
        assertCrosses(new FindPartner(ref.kreis), ResponseTypes.optionalInstanceOf(PartnerSummary.class));
        assertCrosses(new ListAgreements(null, null), ResponseTypes.instanceOf(AgreementList.class));
        assertCrosses(
                new FindAgreement(ref.agreement, null, null), ResponseTypes.optionalInstanceOf(AgreementDetails.class));
        assertCrosses(
                new FindPartnerServices(ref.kreis, null, null),
                ResponseTypes.optionalInstanceOf(PartnerServices.class));
        assertCrosses(
                new FindPartnerSavings(ref.kreis, ReferenceCase.FISCAL_YEAR, null),
                ResponseTypes.optionalInstanceOf(PartnerSavings.class));
        assertCrosses(new FindSavingsTotals(ReferenceCase.FISCAL_YEAR), ResponseTypes.instanceOf(SavingsTotals.class));
        assertCrosses(new FindServiceMatrix(null, null), ResponseTypes.instanceOf(ServiceMatrix.class));
    }

    @Test
    void anUnknownIdCrossesAsAnEmptyAnswer() throws Exception {
        assertThat(acrossAxonServer(
                        new FindAgreement("gibt-es-nicht", null, null),
                        ResponseTypes.optionalInstanceOf(AgreementDetails.class)))
                .isEmpty();
    }

    @Test
    void aRefusedCommandArrivesWithItsCodeAndIsAnsweredWithItsStatus() throws Exception {
        String detail = "Rule 2: this party has signed already.";
        CommandExecutionException refused = new CommandExecutionException(
                detail, null, new Refusal(ErrorCode.AGREEMENT_ALREADY_SIGNED_BY_PARTY.name(), detail));
        CommandSerializer wire = new CommandSerializer(messageSerializer, new AxonServerConfiguration());

        CommandResponse response =
                wire.serialize(GenericCommandResultMessage.asCommandResultMessage(refused), "request-1");
        CommandResultMessage<Object> received = wire.deserialize(response);

        assertThat(received.isExceptional()).isTrue();
        assertThat(received.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        CommandExecutionException arrived = (CommandExecutionException) received.exceptionResult();
        assertThat(arrived.getDetails()).contains(new Refusal("AGREEMENT_ALREADY_SIGNED_BY_PARTY", detail));
        MockMvc http = MockMvcBuilders.standaloneSetup(new Refusing(arrived))
                .setControllerAdvice(new ProblemHandler())
                .build();
        http.perform(post("/refused"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("AGREEMENT_ALREADY_SIGNED_BY_PARTY"))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    private <R> void assertCrosses(Object query, ResponseType<R> responseType) throws Exception {
        R local = queryBus.query(new GenericQueryMessage<>(query, responseType))
                .get(10, TimeUnit.SECONDS)
                .getPayload();
        R remote = acrossAxonServer(query, responseType);

        assertThat(local).as(query.getClass().getSimpleName()).isNotNull();
        assertThat(remote).as(query.getClass().getSimpleName()).isEqualTo(local);
    }

    /**
     * The trip of a query through Axon Server: the sender serializes it, the handling side
     * deserializes it, answers it with its local handlers and serializes the answer, which the
     * sender deserializes into the expected response type.
     */
    private <R> R acrossAxonServer(Object query, ResponseType<R> responseType) throws Exception {
        QuerySerializer wire = new QuerySerializer(messageSerializer, serializer, new AxonServerConfiguration());
        QueryRequest request = wire.serializeRequest(new GenericQueryMessage<>(query, responseType), 1, 10_000, 0);
        QueryMessage<Object, R> received = wire.deserializeRequest(request);
        QueryResponseMessage<R> answer = queryBus.query(received).get(10, TimeUnit.SECONDS);
        QueryResponse response = wire.serializeResponse(answer, request.getMessageIdentifier());
        return wire.deserializeResponse(response, responseType).getPayload();
    }

    @RestController
    static class Refusing {

        private final RuntimeException failure;

        Refusing(RuntimeException failure) {
            this.failure = failure;
        }

        @PostMapping("/refused")
        void refuse() {
            throw failure;
        }
    }
}
