package dev.tollgate.adapters.rest.legacy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The migration guide of the Token API v0, where the {@code Link: rel="deprecation"} header points: docs/migration-v0.md
 * rendered once to a self-contained page (no scripts, no external assets).
 */
@Path("/docs/migration-v0")
public class MigrationGuideResource {

    static final String SOURCE = "tollgate/docs/migration-v0.md";

    private static final String STYLE = """
            body{font:16px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;max-width:46rem;margin:2rem auto;\
            padding:0 1rem;color:#1d1d1f}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}\
            pre{background:#f4f4f6;padding:.8rem;overflow:auto;border-radius:6px}table{border-collapse:collapse}\
            td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}h1,h2{line-height:1.2}""";

    private final String page = render();

    @GET
    @Produces("text/html; charset=UTF-8")
    @Operation(summary = "Migration guide from the Token API v0 to API clients")
    public Response guide() {
        return Response.ok(page)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    static String render() {
        String markdown;
        try (InputStream in = MigrationGuideResource.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the build");
            }
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var extensions = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        // the guide is ours, but raw HTML in it is still escaped: the page carries no markup but Markdown's
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Migrating from the Token API v0 | Tollgate</title><style>" + STYLE + "</style></head><body>"
                + renderer.render(parser.parse(markdown)) + "</body></html>\n";
    }
}
