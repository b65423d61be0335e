package de.ikz.ledger.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Input limits of the HTTP API.
 *
 * @param maxBodySize largest accepted request body ({@code ikz.http.max-body-size}, default 64KB)
 * @param maxNestingDepth deepest accepted JSON nesting ({@code ikz.http.max-nesting-depth}, default 16)
 * @param maxStringLength longest accepted JSON string ({@code ikz.http.max-string-length}, default 10000)
 */
@ConfigurationProperties("ikz.http")
public record RequestLimits(DataSize maxBodySize, Integer maxNestingDepth, Integer maxStringLength) {
    public RequestLimits {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        maxNestingDepth = maxNestingDepth == null ? 16 : maxNestingDepth;
        maxStringLength = maxStringLength == null ? 10_000 : maxStringLength;
        if (maxBodySize.toBytes() < 1 || maxNestingDepth < 2 || maxStringLength < 1) {
            throw new IllegalArgumentException("ikz.http limits must be positive");
        }
    }
}
