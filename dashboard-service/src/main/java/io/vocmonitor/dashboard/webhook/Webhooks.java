package io.vocmonitor.dashboard.webhook;

import io.vocmonitor.dashboard.config.DashboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;

/** The service's webhook settings made objects: the address rules, and the box that keeps secrets encrypted. */
@ApplicationScoped
public class Webhooks {

    private final AddressPolicy policy;
    private final SecretBox box;

    public Webhooks(DashboardConfig config) {
        DashboardConfig.Webhook webhook = config.webhook();
        this.policy = new AddressPolicy(webhook.allowHttp(), webhook.allowedHosts().orElse(""), InetAddress::getAllByName);
        this.box = webhook.secretKey().filter(key -> !key.isBlank()).map(SecretBox::new).orElse(null);
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** The secret box; {@link WebhookRefusal#notConfigured()} without VOC_WEBHOOK_SECRET_KEY. */
    public SecretBox box() {
        if (box == null) {
            throw WebhookRefusal.notConfigured();
        }
        return box;
    }
}
