package dev.tollgate.domain.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeChallengeTest {

    /** RFC 7636 Appendix B. */
    @Test
    void theRfcExample() {
        CodeChallenge challenge = CodeChallenge.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", challenge.value());
        assertTrue(challenge.isAnsweredBy("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assertFalse(challenge.isAnsweredBy("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK"));
    }

    @Test
    void verifiersMustBeWellFormed() {
        assertFalse(CodeChallenge.isWellFormedVerifier("short"));
        assertFalse(CodeChallenge.isWellFormedVerifier("a".repeat(129)));
        assertFalse(CodeChallenge.isWellFormedVerifier("a".repeat(42) + "!"));
        assertTrue(CodeChallenge.isWellFormedVerifier("a".repeat(43)));
        assertTrue(CodeChallenge.isWellFormedVerifier("A-._~".repeat(10)));
    }

    @Test
    void challengesMustBeS256Shaped() {
        assertTrue(CodeChallenge.parse("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM").isPresent());
        assertFalse(CodeChallenge.parse("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c").isPresent());
        assertFalse(CodeChallenge.parse("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM").isPresent());
        assertFalse(CodeChallenge.parse(null).isPresent());
    }
}
