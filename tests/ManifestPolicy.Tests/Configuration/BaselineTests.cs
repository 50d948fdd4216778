using ManifestPolicy.Baselines;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Syntax;
using static ManifestPolicy.Tests.Configuration.Findings;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Configuration;

public class BaselineTests
{
    private const string Original = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: kafka
        data:
          servers: <MSK_BOOTSTRAP_SERVERS>
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: other
        data:
          key: value
        """;

    // The first object moved below the second, lines added above it, and an unrelated line reformatted.
    private const string Edited = """
        # Owned by the payments team.
        # Rendered by the deploy job.
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: other}
        data:
          key:   "value"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: kafka
          labels:
            team: payments
        data:
          servers: <MSK_BOOTSTRAP_SERVERS>
          brokers: <NEW_PLACEHOLDER>
        """;

    [Fact]
    public void Baseline_survives_edits_above_and_moving_the_object_and_reports_only_new_findings()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("baseline.json");
        var before = Parse("deploy/a.yaml", Original);
        var found = new DiagnosticFilter(workingDirectory: dir.Root).Apply(Compile(before), [At(before, "<MSK_BOOTSTRAP_SERVERS>", MP2001)]);
        Baseline.Create(path, found, dir.Root).Save(path);

        var after = Parse("deploy/a.yaml", Edited);
        var old = At(after, "<MSK_BOOTSTRAP_SERVERS>", MP2001);
        Assert.NotEqual(found[0].Location.Position.Start.Line, old.Location.Position.Start.Line);
        var result = new DiagnosticFilter(baseline: Baseline.Load(path, dir.Root), workingDirectory: dir.Root)
            .Apply(Compile(after), [old, At(after, "<NEW_PLACEHOLDER>", MP2001)]);

        Assert.Equal(DiagnosticFilter.BaselineSuppression, Assert.Single(result, d => d.Message.Contains("MSK", StringComparison.Ordinal)).Suppression);
        Assert.Null(Assert.Single(result, d => d.Message.Contains("NEW", StringComparison.Ordinal)).Suppression);
        Assert.Equal(new Suppression(SuppressionKind.External, "baseline"), DiagnosticFilter.BaselineSuppression);
    }

    [Fact]
    public void Baseline_file_is_sorted_readable_json_without_line_numbers()
    {
        using var dir = new TempDirectory();
        var tree = Parse("b.yaml", "data:\n  z: <Z>\n  a: <A>\n");
        var first = Parse("a.yaml", "data:\n  x: <X>\n");
        var diagnostics = new[] { At(tree, "<Z>", MP2001), At(tree, "<A>", MP3001), At(first, "<X>", MP2001) };

        var baseline = Baseline.Create(dir.PathOf("baseline.json"), diagnostics, dir.Root);
        using var stream = new MemoryStream();
        baseline.Write(stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(["a.yaml", "b.yaml", "b.yaml"], baseline.Entries.Select(e => e.Path));
        Assert.Equal(["MP2001", "MP2001", "MP3001"], baseline.Entries.Select(e => e.RuleId));
        Assert.StartsWith("{\n  \"version\": 1,\n  \"tool\": \"manifestpolicy\",\n  \"fingerprintVersion\": 1,\n  \"results\": [", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"message\": \"MP2001 at <X>\"", json, StringComparison.Ordinal);
        Assert.Matches("\"fingerprint\": \"v1:[0-9a-f]{64}\"", json);
        Assert.DoesNotContain("line", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_accepted_occurrence_hides_one_finding()
    {
        using var dir = new TempDirectory();
        var tree = Parse("a.yaml", "data:\n  x: <X>\n");
        var baseline = Baseline.Create(dir.PathOf("b.json"), [At(tree, "<X>", MP2001)], dir.Root);

        Assert.True(baseline.TryConsume(At(tree, "<X>", MP2001), dir.Root));
        Assert.False(baseline.TryConsume(At(tree, "<X>", MP2001), dir.Root));
    }

    [Fact]
    public void Fingerprints_do_not_depend_on_the_working_directory()
    {
        using var dir = new TempDirectory();
        dir.MakeDirectory("deploy");
        var fromRoot = Parse("deploy/a.yaml", "data:\n  x: <X>\n");
        var fromDeploy = Parse("a.yaml", "data:\n  x: <X>\n");
        var baseline = Baseline.Create(dir.PathOf("baseline.json"), [At(fromRoot, "<X>", MP2001)], dir.Root);

        Assert.Equal("deploy/a.yaml", baseline.Entries[0].Path);
        Assert.True(baseline.TryConsume(At(fromDeploy, "<X>", MP2001), dir.PathOf("deploy")));
    }

    [Fact]
    public void Fingerprints_differ_by_rule_and_by_file()
    {
        var a = Parse("a.yaml", "x: <X>\n");
        var b = Parse("b.yaml", "x: <X>\n");
        var fingerprints = new[] { At(a, "<X>", MP2001), At(a, "<X>", MP3001), At(b, "<X>", MP2001) }
            .Select(d => Fingerprint.Compute(d, "/repo", "/repo"));

        Assert.Equal(3, fingerprints.Distinct().Count());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{}", "not a manifestpolicy baseline")]
    [InlineData("{\"version\": 9, \"results\": []}", "format 9 is not supported")]
    [InlineData("{\"version\": 1, \"fingerprintVersion\": 0, \"results\": []}", "recipe 0")]
    [InlineData("{\"version\": 1, \"results\": [{\"ruleId\": \"MP2001\"}]}", "'results[0].fingerprint'")]
    public void A_broken_baseline_is_a_configuration_error(string json, string reason)
    {
        var error = Assert.Throws<ConfigurationException>(() => Baseline.Parse("baseline.json", System.Text.Encoding.UTF8.GetBytes(json), "/repo"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("baseline.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_source_suppressions_win_over_the_baseline()
    {
        using var dir = new TempDirectory();
        var tree = Parse("a.yaml", "data:\n  # manifestpolicy-disable-next-line MP2001 -- known\n  x: <X>\n");
        var baseline = Baseline.Create(dir.PathOf("b.json"), [At(tree, "<X>", MP2001)], dir.Root);

        var result = new DiagnosticFilter(baseline: baseline, workingDirectory: dir.Root).Apply(Compile(tree), [At(tree, "<X>", MP2001)]);

        Assert.Equal(SuppressionKind.InSource, Assert.Single(result).Suppression?.Kind);
    }

    [Fact]
    public void Severity_from_editorconfig_is_applied_per_file_and_none_drops()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[deploy/dev/**]\nmanifestpolicy_diagnostic.MP2001.severity = none\n[deploy/prod/**]\nmanifestpolicy_diagnostic.MP2001.severity = warning\n");
        var dev = Parse("deploy/dev/a.yaml", "x: <X>\n");
        var prod = Parse("deploy/prod/a.yaml", "x: <X>\n");
        var filter = new DiagnosticFilter(new SeverityResolver(workingDirectory: dir.Root), workingDirectory: dir.Root);

        var result = filter.Apply(Compile(dev, prod), [At(dev, "<X>", MP2001), At(prod, "<X>", MP2001)]);

        var only = Assert.Single(result);
        Assert.Equal("deploy/prod/a.yaml", only.Location.Path);
        Assert.Equal(Severity.Warning, only.Severity);
    }

    private static SyntaxTree Parse(string path, string yaml) => Findings.Parse(path, yaml);
}
