package de.ikz.ledger.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.command.web.CommandSender;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.web.PayloadTooLargeException;
import de.ikz.ledger.platform.web.Problems;
import de.ikz.ledger.platform.web.Problems.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the commands: the first request with a key is handled and its answer
 * stored (status, {@code Location}, {@code ETag}, consistency token, body); a repeat with the same
 * request is answered with that answer and records nothing ({@code Idempotent-Replayed: true}); the
 * key with another request is refused with {@code 422 IDEMPOTENCY_KEY_REUSED}. Keys belong to the
 * account that sent them. A key is used up only by a command that was applied: after a refusal the
 * same key may be sent again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");
    private static final List<String> STORED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE, "X-Consistency-Token");
    private static final long POLL_MILLIS = 25;

    private final IdempotencyKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration wait;

    IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json, Clock clock, Duration wait) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<Actor> actor = Optional.ofNullable(
                        SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated)
                .flatMap(Actor::from);
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            write(
                    response,
                    Problems.invalid(
                            ErrorCode.INVALID_REQUEST,
                            List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            response.setHeader("Connection", "close");
            write(response, Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            return;
        }
        String name = actor.get().name();
        String hash = hash(request, body);
        Optional<IdempotencyKeys.Stored> stored = keys.find(name, key, clock.instant());
        if (stored.isPresent()) {
            answerRepeat(response, name, key, hash, stored.get());
            return;
        }

        request.setAttribute(
                CommandSender.REQUEST_METADATA,
                Map.of(IdempotencyReservation.KEY, key, IdempotencyReservation.REQUEST_HASH, hash));
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new CachedBody(request, body), captured);
        int status = captured.getStatus();
        if (status >= 200 && status < 300) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header : STORED_HEADERS) {
                String value = captured.getHeader(header);
                if (value != null) {
                    headers.put(header, value);
                }
            }
            keys.answer(name, key, status, headers, captured.getContentAsByteArray());
        } else if (status == ErrorCode.IDEMPOTENCY_KEY_IN_USE.httpStatus()
                && ErrorCode.IDEMPOTENCY_KEY_IN_USE.name().equals(codeOf(captured.getContentAsByteArray()))) {
            // another request with this key was applied first: answer as it was answered
            Optional<IdempotencyKeys.Stored> first = keys.find(name, key, clock.instant());
            if (first.isPresent()) {
                captured.resetBuffer();
                answerRepeat(captured, name, key, hash, first.get());
            }
        }
        captured.copyBodyToResponse();
    }

    private void answerRepeat(
            HttpServletResponse response, String actor, String key, String hash, IdempotencyKeys.Stored stored)
            throws IOException {
        if (!stored.requestHash().equals(hash)) {
            write(
                    response,
                    Problems.of(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "The Idempotency-Key " + key + " was used for a different request."));
            return;
        }
        IdempotencyKeys.Stored answered = awaitAnswer(actor, key, stored);
        if (!answered.answered()) {
            write(
                    response,
                    Problems.of(
                            ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                            "The request with the Idempotency-Key " + key + " was applied, and its answer is not"
                                    + " recorded yet; retry shortly."));
            return;
        }
        response.setStatus(answered.status());
        answered.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        if (answered.body() != null && answered.body().length > 0) {
            response.getOutputStream().write(answered.body());
        }
    }

    /** The first request with a key may still be answering: waits a little for its answer. */
    private IdempotencyKeys.Stored awaitAnswer(String actor, String key, IdempotencyKeys.Stored stored) {
        long deadline = System.nanoTime() + wait.toNanos();
        IdempotencyKeys.Stored current = stored;
        while (!current.answered() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = keys.find(actor, key, clock.instant()).orElse(current);
        }
        return current;
    }

    private String codeOf(byte[] problem) {
        try {
            JsonNode node = json.readTree(problem);
            return node == null ? null : node.path("code").asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** What makes two requests the same: method, path, query and body. */
    static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ' ');
            sha.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                sha.update((byte) '?');
                sha.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body read once, for the hash, and served again to the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
