using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Tests.Rules;

public sealed class MP3001KafkaTlsPortMismatchTests
{
    private const string Msk1 = "b-1.videoframes.x7k2pq.c3.kafka.eu-west-1.amazonaws.com";
    private const string Msk2 = "b-2.videoframes.x7k2pq.c3.kafka.eu-west-1.amazonaws.com";

    private static string ScaledObject(string servers, string extraMetadata = "", string authRef = "") => $"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: consumer
          namespace: apps
        spec:
          scaleTargetRef:
            name: consumer
          triggers:
            - type: kafka
              metadata:
                bootstrapServers: {servers}
                consumerGroup: g
                topic: t
        {extraMetadata}
        {authRef}
        """;

    [Fact]
    public void Tls_on_msk_plaintext_port_is_reported_on_each_broker_entry()
    {
        var text = ScaledObject($"{Msk1}:9092,{Msk2}:9092", "        tls: enable");
        var diagnostics = RuleTestHost.Analyze(("so.yaml", text)).Only("MP3001");

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Equal($"{Msk1}:9092", diagnostics[0].Location.Text.GetText(diagnostics[0].Location.Span));
        Assert.Equal($"{Msk2}:9092", diagnostics[1].Location.Text.GetText(diagnostics[1].Location.Span));
        Assert.Equal("so.yaml:12:27", diagnostics[0].Where());
        Assert.Equal("9094", diagnostics[0].Properties["expectedPort"]);
        Assert.Contains("on port 9092, MSK's plaintext listener, with TLS on (tls: enable in the trigger metadata); use port 9094", diagnostics[0].Message);
    }

    [Fact]
    public void Quoted_servers_are_located_exactly()
    {
        var text = ScaledObject($"\"{Msk1}:9094, {Msk2}:9094\"", "        tls: disable");
        var diagnostics = RuleTestHost.Analyze(("so.yaml", text)).Only("MP3001");
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal($"{Msk2}:9094", diagnostics[1].Location.Text.GetText(diagnostics[1].Location.Span));
        Assert.Contains("MSK's TLS listener, with TLS off", diagnostics[1].Message);
    }

    [Fact]
    public void Tls_off_by_default_on_msk_tls_port_is_reported()
    {
        Assert.Single(RuleTestHost.Analyze(("so.yaml", ScaledObject($"{Msk1}:9094"))).Only("MP3001"));
    }

    [Theory]
    [InlineData("9094", "        tls: enable")]
    [InlineData("9092", "        tls: disable")]
    [InlineData("9092", "")]
    [InlineData("9096", "        tls: enable\n        sasl: scram_sha512")]
    [InlineData("9098", "        tls: enable\n        sasl: oauthbearer\n        saslTokenProvider: aws_msk_iam")]
    public void Matching_ports_are_silent(string port, string metadata)
    {
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject($"{Msk1}:{port}", metadata))).Only("MP3001"));
    }

    [Fact]
    public void Scram_on_the_tls_port_expects_the_scram_port_only_when_tls_is_off()
    {
        var diagnostic = Assert.Single(RuleTestHost.Analyze(("so.yaml", ScaledObject($"{Msk1}:9092", "        tls: enable\n        sasl: scram_sha512"))).Only("MP3001"));
        Assert.Equal("9096", diagnostic.Properties["expectedPort"]);
    }

    [Fact]
    public void Tls_from_trigger_authentication_through_a_secret_is_followed()
    {
        var text = ScaledObject($"{Msk1}:9092", authRef: "      authenticationRef:\n        name: kafka-auth") + """

            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: kafka-auth, namespace: apps}
            spec:
              secretTargetRef:
                - {parameter: tls, name: kafka-secrets, key: tls}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: kafka-secrets, namespace: apps}
            data:
              tls: ZW5hYmxl
            """;
        var diagnostic = Assert.Single(RuleTestHost.Analyze(("so.yaml", text)).Only("MP3001"));
        Assert.Contains("tls: enable from TriggerAuthentication/kafka-auth via Secret/kafka-secrets key 'tls'", diagnostic.Message);
    }

    [Fact]
    public void Unresolvable_tls_and_placeholder_hosts_are_silent()
    {
        var missingAuth = ScaledObject($"{Msk1}:9092", authRef: "      authenticationRef:\n        name: not-here");
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", missingAuth)).Only("MP3001"));
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject("<MSK_BOOTSTRAP_SERVERS>", "        tls: enable"))).Only("MP3001"));
    }

    [Fact]
    public void Other_brokers_without_configuration_warn_only_for_tls_on_9092()
    {
        var warning = Assert.Single(RuleTestHost.Analyze(("so.yaml", ScaledObject("kafka.example.com:9092", "        tls: enable"))).Only("MP3001"));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject("kafka.example.com:9093", "        tls: enable"))).Only("MP3001"));
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject("kafka.example.com:9093", "        tls: disable"))).Only("MP3001"));
    }

    [Fact]
    public void Other_brokers_use_configured_tls_ports()
    {
        var options = new AnalyzerOptions { KafkaTlsPorts = new HashSet<int> { 9093 } };
        var off = Assert.Single(RuleTestHost.Analyze(options, ("so.yaml", ScaledObject("kafka.example.com:9093", "        tls: disable"))).Only("MP3001"));
        Assert.Equal(Severity.Error, off.Severity);
        var on = Assert.Single(RuleTestHost.Analyze(options, ("so.yaml", ScaledObject("kafka.example.com:9092", "        tls: enable"))).Only("MP3001"));
        Assert.Equal("9093", on.Properties["expectedPort"]);
    }
}
