using ManifestPolicy.Analyzers;

namespace ManifestPolicy.Tests.Rules;

public sealed class MP3002KafkaUnsafeSslInProductionTests
{
    private static string ScaledObject(string unsafeSsl = "\"true\"", string ns = "production", string labels = "", string type = "kafka") => $"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: consumer
          namespace: {ns}
        {labels}
        spec:
          scaleTargetRef:
            name: consumer
          triggers:
            - type: {type}
              metadata:
                bootstrapServers: kafka:9093
                unsafeSsl: {unsafeSsl}
        """;

    [Fact]
    public void Reports_on_the_value_with_the_evidence()
    {
        var diagnostic = Assert.Single(RuleTestHost.Analyze(("so.yaml", ScaledObject())).Only("MP3002"));
        Assert.Equal("so.yaml:14:20", diagnostic.Where());
        Assert.Contains("ScaledObject/consumer trigger 0 (kafka) sets unsafeSsl \"true\"", diagnostic.Message);
        Assert.Contains("(namespace 'production')", diagnostic.Message);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("t")]
    [InlineData("T")]
    [InlineData("TRUE")]
    [InlineData("True")]
    [InlineData("'true'")]
    public void Every_go_truthy_spelling_counts(string value) =>
        Assert.Single(RuleTestHost.Analyze(("so.yaml", ScaledObject(value))).Only("MP3002"));

    [Theory]
    [InlineData("\"false\"")]
    [InlineData("\"yes\"")]
    [InlineData("\"0\"")]
    [InlineData("\"\"")]
    public void Falsy_and_invalid_spellings_are_silent(string value) =>
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject(value))).Only("MP3002"));

    [Theory]
    [InlineData("prod")]
    [InlineData("payments-prod")]
    [InlineData("prod-eu")]
    [InlineData("Production")]
    public void Production_namespaces(string ns) =>
        Assert.Single(RuleTestHost.Analyze(("so.yaml", ScaledObject(ns: ns))).Only("MP3002"));

    [Theory]
    [InlineData("staging")]
    [InlineData("product")]
    [InlineData("reproduction")]
    public void Other_namespaces_are_silent(string ns) =>
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject(ns: ns))).Only("MP3002"));

    [Fact]
    public void Labels_and_path_segments_are_evidence()
    {
        var labelled = ScaledObject(ns: "apps", labels: "  labels:\n    app.kubernetes.io/environment: production");
        Assert.Contains("label app.kubernetes.io/environment=production", Assert.Single(RuleTestHost.Analyze(("so.yaml", labelled)).Only("MP3002")).Message);
        Assert.Contains("path segment 'prod/'", Assert.Single(RuleTestHost.Analyze(("overlays/prod/so.yaml", ScaledObject(ns: "apps"))).Only("MP3002")).Message);
        Assert.Empty(RuleTestHost.Analyze(("overlays/dev/so.yaml", ScaledObject(ns: "apps"))).Only("MP3002"));
    }

    [Fact]
    public void Environment_option_and_configuration_rules_decide_first()
    {
        Assert.Empty(RuleTestHost.Analyze(new AnalyzerOptions { Environment = "staging" }, ("so.yaml", ScaledObject())).Only("MP3002"));
        Assert.Single(RuleTestHost.Analyze(new AnalyzerOptions { Environment = "production" }, ("so.yaml", ScaledObject(ns: "apps"))).Only("MP3002"));

        var rule = new EnvironmentRule("production", ["deploy/live/**"], [], new Dictionary<string, string>(), "manifestpolicy.yaml:2");
        var options = new AnalyzerOptions { EnvironmentRules = [rule] };
        var diagnostic = Assert.Single(RuleTestHost.Analyze(options, ("deploy/live/eu/so.yaml", ScaledObject(ns: "apps"))).Only("MP3002"));
        Assert.Contains("path matches 'deploy/live/**' (environment 'production' in manifestpolicy.yaml:2)", diagnostic.Message);
    }

    [Fact]
    public void Apache_kafka_has_no_unsafe_ssl_setting() =>
        Assert.Empty(RuleTestHost.Analyze(("so.yaml", ScaledObject(type: "apache-kafka"))).Only("MP3002"));
}
