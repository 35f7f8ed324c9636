package dev.tollgate.application.fake;

import dev.tollgate.application.port.JwkSetValidator;
import dev.tollgate.domain.client.ClientJwks;
import java.util.Optional;

/** Takes {@code {"keys":[]}} as no keys, refuses any set mentioning a private member "d", accepts the rest. */
public final class FakeJwkSetValidator implements JwkSetValidator {

    @Override
    public Result validate(String json) {
        if (json.replace(" ", "").equals("{\"keys\":[]}")) {
            return new Result.Valid(Optional.empty());
        }
        if (json.contains("\"d\"")) {
            return new Result.Invalid("private key material is not accepted");
        }
        return new Result.Valid(Optional.of(new ClientJwks(json)));
    }
}
