package dev.tollgate.adapters.persistence.authorization;

import dev.tollgate.adapters.persistence.SqlValues;
import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.AuthorizationCodeRepository;
import dev.tollgate.domain.authorization.AuthorizationCode;
import dev.tollgate.domain.authorization.CodeChallenge;
import dev.tollgate.domain.scope.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Authorization codes in plain SQL: redemption is one conditional UPDATE, so only one exchange of a code wins. */
@ApplicationScoped
@DatabaseCall
public class JdbcAuthorizationCodeRepository implements AuthorizationCodeRepository {

    private final EntityManager em;

    public JdbcAuthorizationCodeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void save(AuthorizationCode code, String digest) {
        SqlValues.nativeQuery(em, """
                insert into authorization_code (id, tenant_id, digest, client_id, user_id, redirect_uri, scope,
                                                code_challenge, issued_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """)
                .setParameter(1, code.id())
                .setParameter(2, code.tenantId())
                .setParameter(3, digest)
                .setParameter(4, code.clientId())
                .setParameter(5, code.userId())
                .setParameter(6, code.redirectUri().toString())
                .setParameter(7, code.scope().value())
                .setParameter(8, code.challenge().map(CodeChallenge::value).orElse(null), String.class)
                .setParameter(9, code.issuedAt())
                .setParameter(10, code.expiresAt())
                .executeUpdate();
    }

    @Override
    @Transactional
    public Optional<AuthorizationCode> findByDigest(String digest) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, tenant_id, client_id, user_id, redirect_uri, scope, code_challenge, issued_at, expires_at,
                       redeemed_at, refresh_family_id, access_token_id, access_token_expires
                from authorization_code where digest = ?1
                """)
                .setParameter(1, digest)
                .getResultList();
        return rows.stream().findFirst().map(JdbcAuthorizationCodeRepository::toDomain);
    }

    @Override
    @Transactional
    public boolean markRedeemed(UUID codeId, AuthorizationCode.Redemption redemption) {
        return SqlValues.nativeQuery(em, """
                update authorization_code
                set redeemed_at = ?2, refresh_family_id = ?3, access_token_id = ?4, access_token_expires = ?5
                where id = ?1 and redeemed_at is null
                """)
                .setParameter(1, codeId)
                .setParameter(2, redemption.at())
                .setParameter(3, redemption.refreshFamily().orElse(null), UUID.class)
                .setParameter(4, redemption.accessTokenId())
                .setParameter(5, redemption.accessTokenExpiresAt())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public int purgeExpired(Instant before) {
        return em.createNativeQuery("delete from authorization_code where expires_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }

    private static AuthorizationCode toDomain(Object[] row) {
        Optional<Instant> redeemedAt = Optional.ofNullable(row[9]).map(SqlValues::instant);
        Optional<AuthorizationCode.Redemption> redemption = redeemedAt.map(at -> new AuthorizationCode.Redemption(
                at,
                Optional.ofNullable((UUID) row[10]),
                (String) row[11],
                SqlValues.instant(row[12])));
        return new AuthorizationCode(
                (UUID) row[0],
                (UUID) row[1],
                (String) row[2],
                (UUID) row[3],
                URI.create((String) row[4]),
                Scope.parse((String) row[5]).orElse(Scope.EMPTY),
                Optional.ofNullable((String) row[6]).map(CodeChallenge::new),
                SqlValues.instant(row[7]),
                SqlValues.instant(row[8]),
                redemption);
    }
}
