using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ManifestPolicy.Cli;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Cli;

/// <summary>`check` with .editorconfig, --severity, manifestpolicy.yaml, suppressions and baselines.</summary>
public sealed class ConfigurationCommandTests : IDisposable
{
    private const string Scaler = SampleManifests.KafkaTlsOnPlaintextPort + "\n";

    private readonly TempDirectory dir = new();

    public ConfigurationCommandTests()
    {
        // A repository root of its own, so that nothing above the scratch folder is read.
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        dir.Write(".editorconfig", "root = true\n");
    }

    public void Dispose() => dir.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr)
        {
            WorkingDirectory = dir.Path,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(string.Empty)),
            GetEnvironmentVariable = _ => null,
        };
        var exitCode = Program.Run(args, context);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Without_configuration_the_finding_is_an_error()
    {
        dir.Write("deploy/scaler.yaml", Scaler);

        var (exitCode, stdout, _) = Run("check", "deploy");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("deploy/scaler.yaml:12:", stdout, StringComparison.Ordinal);
        Assert.Contains(" error MP3001: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Editorconfig_sets_the_severity_per_folder_and_the_command_line_beats_it()
    {
        dir.Write(".editorconfig", "root = true\n[deploy/sandbox/**.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = none\n[deploy/staging/**.yaml]\nmanifestpolicy_diagnostic.kafka-tls-port-mismatch.severity = warning\n");
        dir.Write("deploy/sandbox/scaler.yaml", Scaler);
        dir.Write("deploy/staging/scaler.yaml", Scaler);

        var (exitCode, stdout, stderr) = Run("check", "deploy");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("sandbox", stdout, StringComparison.Ordinal);
        Assert.Contains("deploy/staging/scaler.yaml:12:", stdout, StringComparison.Ordinal);
        Assert.Contains(" warning MP3001: ", stdout, StringComparison.Ordinal);
        Assert.Equal("0 errors, 1 warning, 0 notes in 2 files\n", stderr);

        var overridden = Run("check", "deploy", "--severity", "MP3001=error");
        Assert.Equal(1, overridden.ExitCode);
        Assert.Equal("2 errors, 0 warnings, 0 notes in 2 files\n", overridden.Stderr);
    }

    [Fact]
    public void A_bad_setting_exits_2_naming_file_line_and_key()
    {
        dir.Write("manifestpolicy.yaml", "kafka:\n  tlsPort: [9093]\n");
        dir.Write("scaler.yaml", Scaler);

        var (exitCode, stdout, stderr) = Run("check", "scaler.yaml");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("manifestpolicy.yaml(2,3): error: 'kafka.tlsPort': unknown key; 'kafka' accepts tlsPorts, plaintextPorts\n", stderr);

        File.Delete(Path.Combine(dir.Path, "manifestpolicy.yaml"));
        dir.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = loud\n");
        var editorConfig = Run("check", "scaler.yaml");
        Assert.Equal(2, editorConfig.ExitCode);
        Assert.StartsWith(".editorconfig(3,1): error: 'manifestpolicy_diagnostic.mp3001.severity': 'loud' is not a severity", editorConfig.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, Run("check", "scaler.yaml", "--severity", "MP9999=none").ExitCode);
        Assert.Equal(2, Run("check", "scaler.yaml", "--config", "missing.yaml").ExitCode);
    }

    [Fact]
    public void Configuration_file_options_reach_the_rules_and_exclude_skips_files()
    {
        // 9093 is no MSK port; as a configured TLS port, TLS on is right, so the finding goes away.
        dir.Write("manifestpolicy.yaml", "kafka:\n  tlsPorts: [9093]\nexclude: [\"vendor/**\"]\n");
        dir.Write("deploy/scaler.yaml", Scaler.Replace("b-1.frames.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9092", "kafka.internal:9093", StringComparison.Ordinal));
        dir.Write("vendor/scaler.yaml", Scaler);

        Assert.Equal(0, Run("check", ".").ExitCode);
        Assert.Equal(0, Run("check", "vendor/scaler.yaml").ExitCode);

        // --config replaces the file found upward: here 9093 speaks plaintext, so TLS on is wrong.
        dir.Write("other.yaml", "kafka:\n  tlsPorts: [9094]\n  plaintextPorts: [9093]\n");
        var other = Run("check", "--config", "other.yaml", "deploy");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("deploy/scaler.yaml:12:", other.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_patterns_from_the_configuration_file_reach_MP2001()
    {
        dir.Write("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  servers: \"@@MSK_BROKERS@@\"\n  other: <MSK_BOOTSTRAP_SERVERS>\n");

        Assert.Equal(1, Run("check", "config.yaml").ExitCode);
        dir.Write("manifestpolicy.yaml", "placeholders:\n  patterns: [\"@@[A-Z_]+@@\"]\n  ignore: [\"^<MSK_.*>$\"]\n");
        var (exitCode, stdout, _) = Run("check", "config.yaml");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("config.yaml:6:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("config.yaml:7:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_are_left_out_of_text_and_counts_and_sarif_carries_them_only_on_request()
    {
        dir.Write("scaler.yaml", Scaler.Replace("        bootstrapServers:", "        # manifestpolicy-disable-next-line MP3001 -- the proxy terminates TLS on 9092\n        bootstrapServers:", StringComparison.Ordinal));

        var text = Run("check", "scaler.yaml");
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(string.Empty, text.Stdout);
        Assert.Equal("no problems found in 1 file\n", text.Stderr);

        var sarif = JsonDocument.Parse(Run("check", "scaler.yaml", "--format", "sarif").Stdout);
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());

        var kept = JsonDocument.Parse(Run("check", "scaler.yaml", "--format", "sarif", "--include-suppressed").Stdout);
        var result = Assert.Single(kept.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        var suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.Equal("the proxy terminates TLS on 9092", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void A_stale_suppression_is_reported_as_an_MP0002_note()
    {
        dir.Write("scaler.yaml", "# manifestpolicy-disable-file MP2001\n" + Scaler);

        var (exitCode, stdout, stderr) = Run("check", "scaler.yaml", "--severity", "MP3001=none");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("scaler.yaml:1:1: note MP0002: This suppression of MP2001 (unresolved-placeholder) in this file matches no finding; remove it.", stdout, StringComparison.Ordinal);
        Assert.Equal("0 errors, 0 warnings, 1 note in 1 file\n", stderr);
        Assert.Equal(1, Run("check", "scaler.yaml", "--severity", "MP3001=none", "--fail-level", "note").ExitCode);
    }

    [Fact]
    public void Baseline_accepts_todays_findings_and_survives_an_edit_above_them()
    {
        dir.Write("deploy/scaler.yaml", Scaler);

        var written = Run("check", "deploy", "--write-baseline", "baseline.json");
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("manifestpolicy: wrote 1 finding to the baseline 'baseline.json'\n", written.Stderr);
        var json = File.ReadAllText(Path.Combine(dir.Path, "baseline.json"));
        Assert.Contains("\"path\": \"deploy/scaler.yaml\"", json, StringComparison.Ordinal);

        Assert.Equal(0, Run("check", "deploy", "--baseline", "baseline.json").ExitCode);

        dir.Write("deploy/scaler.yaml", "# Frames autoscaling.\n# Owned by the video team.\n\n" + Scaler);
        var edited = Run("check", "deploy", "--baseline", "baseline.json");
        Assert.Equal(0, edited.ExitCode);
        Assert.Equal("no problems found in 1 file\n", edited.Stderr);

        var sarif = JsonDocument.Parse(Run("check", "deploy", "--baseline", "baseline.json", "--format", "sarif", "--include-suppressed").Stdout);
        var suppression = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("suppressions")[0];
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("baseline", suppression.GetProperty("justification").GetString());

        dir.Write("deploy/other.yaml", Scaler.Replace("frames-scaler", "other-scaler", StringComparison.Ordinal));
        var added = Run("check", "deploy", "--baseline", "baseline.json");
        Assert.Equal(1, added.ExitCode);
        Assert.StartsWith("deploy/other.yaml:12:", added.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("deploy/scaler.yaml", added.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_baseline_exits_2()
    {
        dir.Write("scaler.yaml", Scaler);
        dir.Write("baseline.json", "{ not json");

        var (exitCode, _, stderr) = Run("check", "scaler.yaml", "--baseline", "baseline.json");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("baseline.json(1,", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_config_prints_each_rule_with_its_origin_and_exits_0()
    {
        dir.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.category-Kafka.severity = warning\n");

        var (exitCode, stdout, _) = Run("check", "--explain-config", "deploy/scaler.yaml", "--severity", "MP2001=note");

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n');
        Assert.Equal("Configuration for deploy/scaler.yaml", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("MP3001", StringComparison.Ordinal) && l.EndsWith("warning   .editorconfig:3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MP2001", StringComparison.Ordinal) && l.EndsWith("note      command line (--severity MP2001=note)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MP1001", StringComparison.Ordinal) && l.EndsWith("error     default", StringComparison.Ordinal));
    }

    [SarifMultitoolFact]
    public void Sarif_with_suppressed_and_baselined_results_validates()
    {
        dir.Write("a/scaler.yaml", Scaler.Replace("        bootstrapServers:", "        # manifestpolicy-disable-next-line MP3001 -- proxy\n        bootstrapServers:", StringComparison.Ordinal));
        dir.Write("b/scaler.yaml", Scaler);
        Assert.Equal(0, Run("check", "b", "--write-baseline", "baseline.json").ExitCode);
        dir.Write("c/scaler.yaml", Scaler.Replace("frames-scaler", "c-scaler", StringComparison.Ordinal));

        var sarif = Run("check", ".", "--baseline", "baseline.json", "--format", "sarif", "--include-suppressed").Stdout;
        var results = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(3, results.GetArrayLength());
        var file = dir.Write("suppressed.sarif", sarif);

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepoPaths.ValidateSarif);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"validate-sarif exited {process.ExitCode}:\n{output.Result}{errors.Result}");
        Assert.Contains(" 0 error(s)", output.Result, StringComparison.Ordinal);
    }
}
