package io.vocmonitor.dashboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheStandardWebhooksReferenceMessageAsItsSpecificationDoes() {
        // the test vector of the Standard Webhooks specification
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "id", 1L, "{}");
        assertThat(WebhookSignature.sign(secret, "id2", 1L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "id", 2L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "id", 1L, "{ }")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(), "id", 1L, "{}")).isNotEqualTo(signature);
    }

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
        assertThatThrownBy(() -> WebhookSignature.sign("plain", "id", 1L, "{}")).hasMessageContaining("whsec_");
    }

    @Test
    void sealedSecretsOpenOnlyWithTheirKey() {
        SecretBox box = new SecretBox("a-key-of-at-least-thirty-two-characters");
        byte[] sealed = box.seal("whsec_abc");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("whsec_abc");
        assertThat(box.open(sealed)).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> new SecretBox("another-key-of-at-least-thirty-two-chars").open(sealed))
                .hasMessageContaining("VOC_WEBHOOK_SECRET_KEY");
        assertThatThrownBy(() -> new SecretBox("short")).hasMessageContaining("at least 32");
    }
}
