using ManifestPolicy.Analyzers;
using ManifestPolicy.Fixes;

namespace ManifestPolicy.Tests.Fixes;

public sealed class KafkaFixTests
{
    private static string ScaledObject(string servers, string tls = "enable", string extra = "") => $"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: consumer
          namespace: payments-prod
        spec:
          scaleTargetRef:
            name: consumer
          triggers:
            - type: kafka
              metadata:
                bootstrapServers: {servers}
                consumerGroup: g
                topic: t
                tls: {tls}{extra}

        """;

    private const string Msk = "b-1.c.abc123.c2.kafka.us-east-1.amazonaws.com";

    [Fact]
    public void MP3001_moves_msk_brokers_to_the_tls_port()
    {
        var result = FixTestHost.Fix(("so.yaml", ScaledObject($"{Msk}:9092, {Msk.Replace("b-1", "b-2")}:9092")));
        Assert.Equal(ScaledObject($"{Msk}:9094, {Msk.Replace("b-1", "b-2")}:9094"), result.TextOf("so.yaml"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void MP3001_never_moves_to_a_plaintext_port()
    {
        var result = FixTestHost.Fix(("so.yaml", ScaledObject($"{Msk}:9094", tls: "disable")));
        Assert.Empty(result.Changed);
        Assert.Contains("never moves to a plaintext port", Assert.Single(result.Unfixed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MP3001_fixes_other_brokers_only_with_a_configured_tls_port()
    {
        var file = ScaledObject("kafka.internal:9092");
        var unknown = FixTestHost.Fix(("so.yaml", file));
        Assert.Empty(unknown.Changed);

        var options = new FixOptions { AnalyzerOptions = AnalyzerOptions.Default with { KafkaTlsPorts = new HashSet<int> { 9093 } } };
        var known = FixTestHost.Fix(options, ("so.yaml", file));
        Assert.Equal(ScaledObject("kafka.internal:9093"), known.TextOf("so.yaml"));
    }

    [Theory]
    [InlineData("\"true\"", "\"false\"")]
    [InlineData("true", "\"false\"")]
    [InlineData("'1'", "'false'")]
    public void MP3002_turns_verification_back_on(string before, string after)
    {
        var result = FixTestHost.Fix(("so.yaml", ScaledObject($"{Msk}:9094", extra: $"\n        unsafeSsl: {before}")));
        Assert.Equal(ScaledObject($"{Msk}:9094", extra: $"\n        unsafeSsl: {after}"), result.TextOf("so.yaml"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void MP3002_with_a_ca_secret_extends_the_existing_trigger_authentication()
    {
        var file = ScaledObject($"{Msk}:9094", extra: "\n        unsafeSsl: \"true\"\n      authenticationRef:\n        name: kafka-auth") + """
            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata:
              name: kafka-auth
              namespace: payments-prod
            spec:
              secretTargetRef:
              - parameter: sasl
                name: kafka-secrets
                key: sasl

            """;
        var result = FixTestHost.Fix(new FixOptions { CaSecret = CaSecret.Parse("kafka-ca:root.pem") }, ("so.yaml", file));
        var expected = file
            .Replace("unsafeSsl: \"true\"", "unsafeSsl: \"false\"", StringComparison.Ordinal)
            .Replace("    key: sasl\n", "    key: sasl\n  - parameter: ca\n    name: kafka-ca\n    key: root.pem\n", StringComparison.Ordinal);
        Assert.Equal(expected, result.TextOf("so.yaml"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void MP3002_with_a_ca_secret_switches_tls_on_when_nothing_did()
    {
        var file = ScaledObject($"{Msk}:9094", extra: "\n        unsafeSsl: \"true\"").Replace("        tls: enable\n", string.Empty, StringComparison.Ordinal);
        var result = FixTestHost.Fix(new FixOptions { CaSecret = CaSecret.Parse("kafka-ca") }, ("so.yaml", file));
        var text = result.TextOf("so.yaml");
        Assert.Contains("        unsafeSsl: \"false\"\n        tls: enable\n      authenticationRef:\n        name: consumer-kafka-ca\n---\n", text, StringComparison.Ordinal);
        Assert.Contains("      key: ca.crt\n", text, StringComparison.Ordinal);
        Assert.Empty(result.Remaining);
    }
}
