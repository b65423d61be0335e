package de.ikz.ledger.query.processing;

import de.ikz.ledger.platform.consistency.ConsistencyToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.OptionalLong;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Makes every query of the query side honour {@code X-Consistency-Token}: before the handler runs,
 * it waits until the views include the token's position and tells in {@code X-Consistency-Reached}
 * whether they do. A token that is not one of ours cannot be waited for and is answered with {@code
 * false}.
 */
class ConsistencyInterceptor implements HandlerInterceptor {

    static final String REACHED_HEADER = "X-Consistency-Reached";
    private static final String QUERY_SIDE_PACKAGE = "de.ikz.ledger.query";

    private final ViewConsistency consistency;

    ConsistencyInterceptor(ViewConsistency consistency) {
        this.consistency = consistency;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = request.getHeader(ConsistencyToken.HEADER);
        if (token == null || !isQuery(request, handler)) {
            return true;
        }
        OptionalLong position = ConsistencyToken.parse(token);
        boolean reached = position.isPresent() && consistency.await(position.getAsLong());
        response.setHeader(REACHED_HEADER, Boolean.toString(reached));
        return true;
    }

    private static boolean isQuery(HttpServletRequest request, Object handler) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && handler instanceof HandlerMethod method
                && isQuerySide(method.getBeanType().getPackageName());
    }

    private static boolean isQuerySide(String packageName) {
        return packageName.equals(QUERY_SIDE_PACKAGE) || packageName.startsWith(QUERY_SIDE_PACKAGE + ".");
    }
}
