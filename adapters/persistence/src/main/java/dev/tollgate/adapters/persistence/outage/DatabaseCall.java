package dev.tollgate.adapters.persistence.outage;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose methods go to PostgreSQL (the repositories behind the caches, the transactions): each call is
 * refused at once while the {@link DatabaseCircuit} is open. Never on what the caches serve from memory.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DatabaseCall {
}
