package de.ikz.ledger.api;

/**
 * Every stable, machine-readable problem code the service answers with. Clients branch on these
 * names; they are part of the published language and must not be renamed.
 */
public enum ErrorCode {
    // 400: the request itself is malformed or invalid
    MALFORMED_REQUEST(Category.BAD_REQUEST, "The request body is not well-formed JSON of the expected shape."),
    INVALID_REQUEST(Category.BAD_REQUEST, "One or more fields are missing or invalid."),
    INVALID_PARAMETER(Category.BAD_REQUEST, "A path or query parameter is invalid."),

    // 401 / 403
    UNAUTHENTICATED(Category.UNAUTHENTICATED, "Authentication is required."),
    FORBIDDEN(Category.FORBIDDEN, "Your role does not allow this request."),
    ACTOR_NOT_A_PARTY(Category.FORBIDDEN, "Your partner is not a party to this agreement."),
    ACTOR_ACTS_FOR_OTHER_PARTNER(Category.FORBIDDEN, "A partner account may act only for its own partner."),
    ACTOR_READS_OTHER_PARTNER(Category.FORBIDDEN, "A partner account may read only its own partner's views."),

    // 404
    RESOURCE_NOT_FOUND(Category.NOT_FOUND, "No such resource."),
    PARTNER_NOT_FOUND(Category.NOT_FOUND, "No partner with this id."),
    AGREEMENT_NOT_FOUND(Category.NOT_FOUND, "No agreement with this id."),
    DELEGATION_NOT_FOUND(Category.NOT_FOUND, "No delegation with this id in this agreement."),
    COST_ENTRY_NOT_FOUND(Category.NOT_FOUND, "No cost entry with this id in this agreement."),
    REPLAY_NOT_FOUND(Category.NOT_FOUND, "No replay with this id."),

    // 405, 406, 413, 415
    METHOD_NOT_ALLOWED(Category.METHOD_NOT_ALLOWED, "This method is not allowed on this resource."),
    NOT_ACCEPTABLE(Category.NOT_ACCEPTABLE, "No representation in the requested media type."),
    PAYLOAD_TOO_LARGE(Category.PAYLOAD_TOO_LARGE, "The request body exceeds the configured limit."),
    UNSUPPORTED_MEDIA_TYPE(Category.UNSUPPORTED_MEDIA_TYPE, "Send application/json."),

    // 409: rule 8, ids are unique; and optimistic concurrency
    PARTNER_ALREADY_EXISTS(Category.CONFLICT, "A partner with this id exists already."),
    AGREEMENT_ALREADY_EXISTS(Category.CONFLICT, "An agreement (or another stream) with this id exists already."),
    DELEGATION_ALREADY_EXISTS(Category.CONFLICT, "A delegation with this id exists already in this agreement."),
    COST_ENTRY_ALREADY_EXISTS(Category.CONFLICT, "A cost entry with this id exists already in this agreement."),
    CONCURRENT_MODIFICATION(Category.CONFLICT, "Another command changed this resource at the same time; retry."),
    REPLAY_ALREADY_RUNNING(Category.CONFLICT, "A replay is running already; follow it instead of starting another."),
    IDEMPOTENCY_KEY_IN_USE(
            Category.CONFLICT, "A request with this Idempotency-Key is still being processed; retry shortly."),

    // 412: optimistic concurrency with If-Match
    PRECONDITION_FAILED(
            Category.PRECONDITION_FAILED, "The resource changed since the version named in If-Match; read it again."),

    // 409: partners
    PARENT_MUST_NOT_BE_OPERATING_UNIT(Category.CONFLICT, "An operating unit belongs to a body with legal personality."),
    NAME_UNCHANGED(Category.CONFLICT, "The partner has this name already."),

    // 409: rule 1
    AGREEMENT_NEEDS_TWO_PARTIES(Category.CONFLICT, "An agreement needs at least two distinct parties."),
    PARTY_LISTED_TWICE(Category.CONFLICT, "A party is listed more than once."),
    OPERATING_UNIT_CANNOT_BE_PARTY(
            Category.CONFLICT, "An operating unit has no legal personality and cannot be a party."),
    PARTY_ALREADY_ADMITTED(Category.CONFLICT, "This partner is a party already."),

    // 409: rule 2
    NOT_A_PARTY(Category.CONFLICT, "Only a party of the agreement may sign it."),
    AGREEMENT_ALREADY_SIGNED_BY_PARTY(Category.CONFLICT, "This party has signed already."),

    // 409: rule 3
    AGREEMENT_TERMINATED(Category.CONFLICT, "The agreement is terminated and takes no further changes of this kind."),
    AGREEMENT_ALREADY_TERMINATED(Category.CONFLICT, "The agreement is terminated already."),

    // 409: rule 4
    PROVIDER_NOT_A_PARTY(Category.CONFLICT, "The provider is neither a party nor an operating unit of a party."),
    CONSUMER_NOT_A_PARTY(Category.CONFLICT, "Every consumer must be a party of the agreement."),
    PROVIDER_AMONG_CONSUMERS(Category.CONFLICT, "The provider's party cannot consume its own service."),
    DELEGATION_NEEDS_A_CONSUMER(Category.CONFLICT, "A delegation needs at least one consumer."),
    CONSUMER_LISTED_TWICE(Category.CONFLICT, "A consumer is listed more than once."),
    PARTY_HAS_NOT_SIGNED(Category.CONFLICT, "A party admitted to an agreement in force takes part once it has signed."),

    // 409: delegation lifecycle
    DELEGATION_ALREADY_STARTED(Category.CONFLICT, "The delegation has started already."),
    DELEGATION_NOT_ACTIVE(Category.CONFLICT, "Only an active delegation can be suspended."),
    DELEGATION_NOT_SUSPENDED(Category.CONFLICT, "Only a suspended delegation can be resumed."),
    DELEGATION_NOT_RUNNING(Category.CONFLICT, "Only an active or suspended delegation can be ended."),

    // 409: rule 5
    AGREEMENT_NOT_IN_FORCE(Category.CONFLICT, "Cost entries need an agreement in force."),
    DELEGATION_NOT_STARTED(Category.CONFLICT, "Cost entries need a delegation that has started."),
    COST_ENTRY_PARTY_NOT_INVOLVED(
            Category.CONFLICT, "The entry's partner is neither the provider's party nor a consumer."),
    FISCAL_YEAR_OUTSIDE_DELEGATION(Category.CONFLICT, "The fiscal year lies before the start or after the end."),

    // 409: rule 6
    COST_ENTRY_ALREADY_REVERSED(Category.CONFLICT, "This cost entry is reversed already."),

    // 409: rule 7
    VALID_UNTIL_BEFORE_VALID_FROM(Category.CONFLICT, "validUntil lies before validFrom."),
    TERMINATION_BEFORE_VALID_FROM(Category.CONFLICT, "The termination takes effect before the agreement is valid."),
    TERMINATION_BEFORE_DELEGATION_START(
            Category.CONFLICT, "A running delegation starts or changes status after the termination date."),
    SIGNATURE_DATE_IN_FUTURE(Category.CONFLICT, "A signature cannot be dated in the future."),
    DATE_BEFORE_LAST_CHANGE(
            Category.CONFLICT, "The date lies before the delegation's start or its last status change."),

    // 422: references to things that do not exist
    UNKNOWN_PARTNER(Category.UNPROCESSABLE, "A referenced partner is not registered."),
    IDEMPOTENCY_KEY_REUSED(Category.UNPROCESSABLE, "This Idempotency-Key was used already for a different request."),

    // 5xx: never for anything a client sent
    INTERNAL_ERROR(Category.INTERNAL, "The service failed; the request was not applied."),
    SERVICE_UNAVAILABLE(Category.UNAVAILABLE, "The service is temporarily unavailable; retry.");

    private final Category category;
    private final String defaultMessage;

    ErrorCode(Category category, String defaultMessage) {
        this.category = category;
        this.defaultMessage = defaultMessage;
    }

    public Category category() {
        return category;
    }

    public int httpStatus() {
        return category.httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** Groups codes by the HTTP status they are answered with. */
    public enum Category {
        BAD_REQUEST(400),
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        METHOD_NOT_ALLOWED(405),
        NOT_ACCEPTABLE(406),
        CONFLICT(409),
        PRECONDITION_FAILED(412),
        PAYLOAD_TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415),
        UNPROCESSABLE(422),
        INTERNAL(500),
        UNAVAILABLE(503);

        private final int httpStatus;

        Category(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }
}
