using ManifestPolicy.Analyzers;
using ManifestPolicy.Configuration;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Configuration;

public class ConfigurationFileTests
{
    private const string Full = """
        environments:
          - name: production
            paths: ["deploy/prod/**", "overlays/prod/**"]
            namespaces: ["payments-prod"]
            labels: { environment: prod }
          - name: staging
            namespaces: [payments-staging]
        kafka:
          tlsPorts: [9093]
          plaintextPorts: [9092]
        placeholders:
          patterns: ["@@[A-Z_]+@@"]
          ignore: ["<none>"]
        values:
          mappings:
            MSK_BOOTSTRAP_SERVERS: kafka_bootstrap_brokers_tls
        exclude: ["vendor/**"]
        """;

    [Fact]
    public void Every_section_maps_to_the_options()
    {
        using var dir = new TempDirectory();
        var config = ManifestPolicyConfiguration.Parse("manifestpolicy.yaml", Full, dir.Root);
        var options = config.AnalyzerOptions;

        Assert.Equal(["production", "staging"], options.EnvironmentRules.Select(r => r.Environment));
        var prod = options.EnvironmentRules[0];
        Assert.Equal(["deploy/prod/**", "overlays/prod/**"], prod.PathGlobs);
        Assert.Equal(["payments-prod"], prod.Namespaces);
        Assert.Equal("prod", prod.Labels["environment"]);
        Assert.Equal("manifestpolicy.yaml:2", prod.Origin);
        Assert.Equal([9093], options.KafkaTlsPorts);
        Assert.Equal([9092], options.KafkaPlaintextPorts);
        Assert.Equal(["@@[A-Z_]+@@"], options.ExtraPlaceholderPatterns);
        Assert.Equal(["<none>"], options.IgnoredPlaceholderPatterns);
        Assert.Equal("kafka_bootstrap_brokers_tls", config.ValueMappings["MSK_BOOTSTRAP_SERVERS"]);
        Assert.Equal(["vendor/**"], config.Exclude);
        Assert.Equal(dir.Root, options.ConfigurationDirectory!.Replace('\\', '/'));
    }

    [Fact]
    public void An_empty_file_gives_the_defaults()
    {
        var config = ManifestPolicyConfiguration.Parse("manifestpolicy.yaml", "# nothing yet\n", "/repo");

        Assert.Empty(config.AnalyzerOptions.EnvironmentRules);
        Assert.Empty(config.Exclude);
    }

    [Theory]
    [InlineData("kafka:\n  tlsPort: [9093]\n", 2, 3, "kafka.tlsPort", "unknown key; 'kafka' accepts tlsPorts, plaintextPorts")]
    [InlineData("colour: red\n", 1, 1, "colour", "unknown key; the file accepts environments, kafka, placeholders, values, exclude")]
    [InlineData("kafka:\n  tlsPorts: 9093\n", 2, 13, "kafka.tlsPorts", "expected a list, found '9093'")]
    [InlineData("kafka:\n  tlsPorts: [9093, x]\n", 2, 20, "kafka.tlsPorts[1]", "expected a port number from 1 to 65535, found 'x'")]
    [InlineData("kafka:\n  tlsPorts: [70000]\n", 2, 14, "kafka.tlsPorts[0]", "expected a port number")]
    [InlineData("kafka:\n  tlsPorts: [9092]\n  plaintextPorts: [9092]\n", 2, 3, "kafka", "port 9092 is listed both")]
    [InlineData("placeholders:\n  patterns: [\"([A-Z\"]\n", 2, 14, "placeholders.patterns[0]", "is not a valid regular expression")]
    [InlineData("environments:\n  - paths: [a]\n", 2, 5, "environments[0].name", "every environment needs a name")]
    [InlineData("environments:\n  - name: prod\n", 2, 5, "environments[0]", "has no paths, namespaces or labels")]
    [InlineData("environments:\n  - name: prod\n    labels: [a]\n", 3, 13, "environments[0].labels", "expected a mapping, found a list")]
    [InlineData("exclude: vendor/**\n", 1, 10, "exclude", "expected a list")]
    [InlineData("exclude: [~]\n", 1, 11, "exclude[0]", "expected a non-empty string, found nothing (null)")]
    [InlineData("values:\n  mappings:\n    A: [x]\n", 3, 8, "values.mappings.A", "expected a non-empty string, found a list")]
    [InlineData("kafka: {}\nkafka: {}\n", 2, 1, "kafka", "the key appears twice")]
    [InlineData("- a\n", 1, 1, "(top level)", "expected a mapping")]
    public void A_wrong_key_or_type_is_an_error_with_file_line_column_and_key(string yaml, int line, int column, string key, string reason)
    {
        var error = Assert.Throws<ConfigurationException>(() => ManifestPolicyConfiguration.Parse("conf/manifestpolicy.yaml", yaml, "/repo"));

        Assert.Equal("conf/manifestpolicy.yaml", error.FilePath);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(key, error.Key);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"conf/manifestpolicy.yaml({line},{column}): error: '{key}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_an_error_at_its_position()
    {
        var error = Assert.Throws<ConfigurationException>(() => ManifestPolicyConfiguration.Parse("manifestpolicy.yaml", "kafka:\n  tlsPorts: [9093\n", "/repo"));

        Assert.True(error.Line >= 2);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nearest_file_upward_is_found()
    {
        using var dir = new TempDirectory();
        dir.MakeDirectory(".git");
        dir.Write("manifestpolicy.yaml", "exclude: [outer]\n");
        dir.Write("deploy/manifestpolicy.yml", "exclude: [inner]\n");
        dir.Write("deploy/prod/app.yaml", "kind: ConfigMap\n");

        var config = ManifestPolicyConfiguration.Resolve(null, ["deploy/prod/app.yaml"], dir.Root);

        Assert.Equal(["inner"], config.Exclude);
        Assert.Equal("deploy/manifestpolicy.yml", config.FilePath);
        Assert.Equal(["outer"], ManifestPolicyConfiguration.Resolve(null, ["."], dir.Root).Exclude);
        Assert.Equal(["outer"], ManifestPolicyConfiguration.Resolve(null, ["-"], dir.Root).Exclude);
    }

    [Fact]
    public void The_search_stops_at_the_repository_root()
    {
        using var dir = new TempDirectory();
        dir.Write("manifestpolicy.yaml", "exclude: [outside]\n");
        dir.MakeDirectory("repo/.git");
        dir.Write("repo/app.yaml", "kind: ConfigMap\n");

        var config = ManifestPolicyConfiguration.Resolve(null, ["app.yaml"], dir.PathOf("repo"));

        Assert.Null(config.FilePath);
        Assert.Empty(config.Exclude);
    }

    [Fact]
    public void Config_option_names_the_file_and_a_missing_one_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("other.yaml", "exclude: [x]\n");

        Assert.Equal(["x"], ManifestPolicyConfiguration.Resolve("other.yaml", [], dir.Root).Exclude);
        var error = Assert.Throws<ConfigurationException>(() => ManifestPolicyConfiguration.Resolve("missing.yaml", [], dir.Root));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_yaml_and_yml_in_one_folder_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.MakeDirectory(".git");
        dir.Write("manifestpolicy.yaml", string.Empty);
        dir.Write("manifestpolicy.yml", string.Empty);

        Assert.Throws<ConfigurationException>(() => ManifestPolicyConfiguration.Resolve(null, [], dir.Root));
    }

    [Fact]
    public void Exclude_globs_are_relative_to_the_configuration_file()
    {
        using var dir = new TempDirectory();
        var config = ManifestPolicyConfiguration.Parse("manifestpolicy.yaml", "exclude: [\"vendor/**\", generated, \"*.tmpl.yaml\"]\n", dir.Root);

        Assert.True(config.IsExcluded(dir.PathOf("vendor/x/a.yaml")));
        Assert.True(config.IsExcluded("vendor/a.yaml", dir.Root));
        Assert.True(config.IsExcluded(dir.PathOf("generated/a.yaml")));
        Assert.True(config.IsExcluded(dir.PathOf("deep/er/b.tmpl.yaml")));
        Assert.True(config.IsExcluded(dir.PathOf("src/generated/a.yaml")));
        Assert.True(config.IsExcluded(dir.PathOf("b.tmpl.yaml")));
        Assert.False(config.IsExcluded(dir.PathOf("src/vendor/a.yaml")));
        Assert.False(config.IsExcluded(dir.PathOf("deploy/a.yaml")));
        Assert.False(config.IsExcluded("-"));
    }

    [Fact]
    public void Environment_paths_are_relative_to_the_configuration_file()
    {
        using var dir = new TempDirectory();
        var config = ManifestPolicyConfiguration.Parse("manifestpolicy.yaml", "environments:\n  - name: production\n    paths: [\"deploy/prod/**\"]\n", dir.Root);
        var tree = Findings.Parse(dir.PathOf("deploy/prod/app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
        var obj = Assert.Single(Findings.Compile(tree).Objects);

        var evidence = EnvironmentClassifier.Classify(obj, config.AnalyzerOptions);

        Assert.Equal("production", evidence?.Environment);
        Assert.Contains("manifestpolicy.yaml:2", evidence!.Evidence, StringComparison.Ordinal);
    }
}
