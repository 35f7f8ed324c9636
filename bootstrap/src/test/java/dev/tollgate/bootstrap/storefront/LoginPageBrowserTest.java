package dev.tollgate.bootstrap.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tollgate.bootstrap.support.HeadlessChromium;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login page in a real browser (Debian's headless Chromium), driven end to end by a real OAuth client (the
 * Nimbus OAuth 2.0 SDK): discovery, an authorization request with PKCE, sign-in, the redirect with code, state and
 * iss, the code exchange, a refresh with rotation, and the tokens verified against the served JWKS.
 */
@QuarkusTest
class LoginPageBrowserTest {

    private static StorefrontStage stage;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        if (stage == null) {
            stage = StorefrontStage.create("sf-browser");
            stage.client("{\"client_id\":\"web-shop\",\"name\":\"Web Shop\",\"token_endpoint_auth_method\":\"none\","
                    + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scopes\":[\"catalog:read\"],"
                    + "\"redirect_uris\":[\"http://localhost:1/callback\"]}");
        }
        browser = HeadlessChromium.start(1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue("tollgate.public-url", String.class);
    }

    @Test
    void signInFromTheAuthorizeUrlToTheRedirectWithACode() throws Exception {
        Issuer issuer = new Issuer(base() + "/auth/realms/" + stage.slug());
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(issuer);
        assertTrue(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));

        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI callback = URI.create("http://localhost:1/callback");
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID("web-shop"))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(callback)
                .scope(new Scope("catalog:read"))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();

        browser.get(request.toURI().toString());
        assertEquals("Sign in · " + stage.slug(), browser.getTitle());
        assertEquals("Web Shop", browser.findElement(By.id("client-name")).getText());

        // a wrong password first: the same page again, a generic message, no redirect
        browser.findElement(By.id("username")).sendKeys(stage.shopperEmail());
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertEquals("Invalid email, username or password.", browser.findElement(By.id("error")).getText());
        assertTrue(browser.getCurrentUrl().startsWith(base()), browser.getCurrentUrl());

        browser.findElement(By.id("username")).sendKeys(stage.shopperEmail());
        browser.findElement(By.id("password")).sendKeys(StorefrontStage.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        // nothing listens on port 1: the browser shows its error page, but the URL it was sent to is what counts
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("code="));

        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(browser.getCurrentUrl()));
        assertTrue(response.indicatesSuccess(), browser.getCurrentUrl());
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        assertEquals(state, success.getState());
        assertEquals(issuer, success.getIssuer(), "RFC 9207 iss");
        AuthorizationCode code = success.getAuthorizationCode();

        TokenResponse tokenResponse = TokenResponse.parse(new TokenRequest.Builder(metadata.getTokenEndpointURI(),
                new ClientID("web-shop"), new AuthorizationCodeGrant(code, callback, verifier)).build()
                .toHTTPRequest().send());
        assertTrue(tokenResponse.indicatesSuccess(), () -> tokenResponse.toErrorResponse().getErrorObject().toString());
        Tokens tokens = tokenResponse.toSuccessResponse().getTokens();
        JWTClaimsSet claims = verify(metadata, tokens.getAccessToken().getValue());
        assertEquals(stage.shopperId(), claims.getSubject());
        assertEquals("catalog:read", claims.getStringClaim("scope"));

        // refresh: rotated, the new access token verifies too
        RefreshToken first = tokens.getRefreshToken();
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest.Builder(metadata.getTokenEndpointURI(),
                new ClientID("web-shop"), new RefreshTokenGrant(first)).build().toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess());
        Tokens next = refreshed.toSuccessResponse().getTokens();
        assertNotEquals(first.getValue(), next.getRefreshToken().getValue());
        assertEquals(stage.shopperId(), verify(metadata, next.getAccessToken().getValue()).getSubject());
    }

    @Test
    void cancelSendsTheBrowserBackWithAccessDenied() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID("web-shop"))
                .endpointURI(URI.create(base() + "/auth/realms/" + stage.slug() + "/protocol/openid-connect/auth"))
                .redirectionURI(URI.create("http://localhost:1/callback"))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        browser.get(request.toURI().toString());
        browser.findElement(By.id("cancel")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("error="));
        AuthorizationErrorResponse error = AuthorizationResponse.parse(URI.create(browser.getCurrentUrl()))
                .toErrorResponse();
        assertEquals("access_denied", error.getErrorObject().getCode());
        assertEquals(state, error.getState());
    }

    @Test
    void anUnregisteredRedirectUriShowsAnErrorPageAndStaysHere() throws Exception {
        browser.get(base() + "/auth/realms/" + stage.slug() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=web-shop&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertTrue(browser.getCurrentUrl().startsWith(base()), browser.getCurrentUrl());
        assertEquals("The redirect_uri is not registered for this client", browser.findElement(By.id("message")).getText());
    }

    private static JWTClaimsSet verify(AuthorizationServerMetadata metadata, String jwt) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URL(metadata.getJWKSetURI().toString())).retrying(false).build()));
        return processor.process(jwt, null);
    }
}
