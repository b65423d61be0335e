package de.ikz.ledger.query.processing;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the read-your-writes wait for the query endpoints. */
@Configuration(proxyBeanMethods = false)
class ViewConsistencyWebConfiguration implements WebMvcConfigurer {

    private final ViewConsistency consistency;

    ViewConsistencyWebConfiguration(ViewConsistency consistency) {
        this.consistency = consistency;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsistencyInterceptor(consistency)).addPathPatterns("/api/**");
    }
}
