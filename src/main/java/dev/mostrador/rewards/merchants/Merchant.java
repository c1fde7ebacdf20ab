package dev.mostrador.rewards.merchants;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Merchant(UUID id, String name, String type, String email, String phone, String keyPrefix, String webhookUrl,
                       boolean active, int totalRedemptions, long totalLumisRedeemed, OffsetDateTime createdAt) {}
