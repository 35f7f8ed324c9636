package dev.tollgate.bootstrap.observability;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** One read of {@code /q/metrics} (Prometheus text), as series: a name, its labels and a value. */
public record Scrape(List<Series> series, String text) {

    public record Series(String name, Map<String, String> labels, double value) {
    }

    public static Scrape now() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                String body = line.substring(brace + 1, line.lastIndexOf('}'));
                // label values here never contain '",' (slugs, codes, templates)
                for (String pair : body.split("\",")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String value = pair.substring(equals + 1);
                    labels.put(pair.substring(0, equals), value.replaceAll("^\"|\"$", ""));
                }
            } else {
                name = line.substring(0, space);
            }
            series.add(new Series(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new Scrape(List.copyOf(series), text);
    }

    /** The value of the series of exactly these labels; 0 when it does not exist (yet). */
    public double value(String name, Map<String, String> labels) {
        return series.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .mapToDouble(Series::value).findFirst().orElse(0);
    }

    /** The sum over the series of {@code name} whose labels match. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        return series.stream().filter(s -> s.name().equals(name) && labels.test(s.labels()))
                .mapToDouble(Series::value).sum();
    }

    public List<Series> named(String name) {
        return series.stream().filter(s -> s.name().equals(name)).toList();
    }
}
