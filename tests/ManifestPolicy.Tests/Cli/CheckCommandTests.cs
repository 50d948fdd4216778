using System.Text;
using System.Text.Json;
using ManifestPolicy.Cli;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
    private const string Broken = "apiVersion: v1\nkind: ConfigMap\ndata: [1, 2\n";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWithInput(null, args);

    private (int ExitCode, string Stdout, string Stderr) RunWithInput(string? stdin, params string[] args) =>
        RunIn(stdin, terminal: false, noColorVariable: null, args);

    private (int ExitCode, string Stdout, string Stderr) RunIn(string? stdin, bool terminal, string? noColorVariable, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr)
        {
            WorkingDirectory = dir.Path,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)),
            StdoutIsTerminal = terminal,
            GetEnvironmentVariable = name => name == "NO_COLOR" ? noColorVariable : null,
        };
        var exitCode = Program.Run(args, context);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static void AssertOneErrorLine(string stderr, string expectedStart)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{stderr}");
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_input_exits_0_with_a_summary_on_stderr()
    {
        dir.Write("ok.yaml", ConfigMap);
        var (exitCode, stdout, stderr) = Run("check", "ok.yaml");
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("no problems found in 1 file\n", stderr);
    }

    [Fact]
    public void Findings_exit_1_and_print_in_text()
    {
        dir.Write("bad.yaml", Broken);
        var (exitCode, stdout, stderr) = Run("check", "bad.yaml");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("bad.yaml:4:1: error MP0001: ", stdout, StringComparison.Ordinal);
        Assert.Equal("1 error, 0 warnings, 0 notes in 1 file\n", stderr);
    }

    [Fact]
    public void No_path_means_the_current_directory()
    {
        dir.Write("sub/bad.yaml", Broken);
        var (exitCode, stdout, _) = Run("check");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("sub/bad.yaml:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_level_note_still_fails_on_errors()
    {
        dir.Write("bad.yaml", Broken);
        Assert.Equal(1, Run("check", "--fail-level", "note", "bad.yaml").ExitCode);
        dir.Write("ok.yaml", ConfigMap);
        Assert.Equal(0, Run("check", "--fail-level", "warning", "ok.yaml").ExitCode);
    }

    [Fact]
    public void Missing_file_exits_2_with_one_line()
    {
        var (exitCode, stdout, stderr) = Run("check", "nope.yaml");
        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        AssertOneErrorLine(stderr, "manifestpolicy: error: 'nope.yaml' does not exist");
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--fail-level", "fatal")]
    [InlineData("check", "--output")]
    [InlineData("frobnicate")]
    public void Invalid_usage_exits_2_with_one_line(params string[] args)
    {
        dir.Write("ok.yaml", ConfigMap);
        var (exitCode, _, stderr) = Run(args);
        Assert.Equal(2, exitCode);
        AssertOneErrorLine(stderr, "manifestpolicy: error: ");
    }

    [Fact]
    public void Directory_without_manifests_exits_0_with_a_note()
    {
        dir.Write("empty/values.yaml", "replicas: 1\n");
        var (exitCode, stdout, stderr) = Run("check", "empty");
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("manifestpolicy: note: no Kubernetes manifests found in 'empty'\n", stderr);
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var (exitCode, stdout, _) = RunWithInput(Broken, "check", "-");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("<stdin>:4:1: error MP0001: ", stdout, StringComparison.Ordinal);
        Assert.Equal(0, RunWithInput(ConfigMap, "check", "-").ExitCode);
    }

    [Fact]
    public void Binary_file_is_a_finding_not_a_crash()
    {
        dir.WriteBytes("bin.yaml", [0x00, 0xFF, 0x10]);
        var (exitCode, stdout, _) = Run("check", "bin.yaml");
        Assert.Equal(1, exitCode);
        Assert.Contains("NUL", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_file_receives_the_report()
    {
        dir.Write("bad.yaml", Broken);
        var (exitCode, stdout, _) = Run("check", "--format", "sarif", "--output", "missing/report.sarif", "bad.yaml");
        Assert.Equal(2, exitCode); // missing/ does not exist: an I/O error, not a crash
        var (exitCode2, stdout2, _) = Run("check", "--format", "sarif", "--output", "report.sarif", "--sarif-category", "k8s", "bad.yaml");
        Assert.Equal(1, exitCode2);
        Assert.Equal(string.Empty, stdout + stdout2);
        var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "report.sarif"))).RootElement;
        var run = log.GetProperty("runs")[0];
        Assert.Equal("k8s", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal("bad.yaml", run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("json", "\"ruleId\": \"MP0001\"")]
    [InlineData("github", "::error file=bad.yaml,line=4,")]
    [InlineData("sarif", "\"ruleId\": \"MP0001\"")]
    public void Every_format_reports_the_finding(string format, string expected)
    {
        dir.Write("bad.yaml", Broken);
        var (exitCode, stdout, _) = Run("check", "--format", format, "bad.yaml");
        Assert.Equal(1, exitCode);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_summary_counts_files_and_objects()
    {
        dir.Write("a.yaml", ConfigMap + "---\n" + ConfigMap);
        var (_, stdout, _) = Run("check", "--format", "json");
        var summary = JsonDocument.Parse(stdout).RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("files").GetInt32());
        Assert.Equal(2, summary.GetProperty("objects").GetInt32());
    }

    [Fact]
    public void Context_reports_cross_file_conflicts_only_in_the_given_file()
    {
        dir.Write("k8s/hpa.yaml", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: orders
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: orders
              minReplicas: 1
              maxReplicas: 5
            """);
        dir.Write("k8s/scaledobject.yaml", """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: orders
            spec:
              scaleTargetRef:
                name: orders
              triggers:
                - type: cpu
                  metricType: Utilization
                  metadata:
                    value: "60"
            """);
        var (exitCode, stdout, _) = Run("check", "--context", "k8s", "k8s/scaledobject.yaml");
        Assert.Equal(1, exitCode);
        Assert.Contains("k8s/scaledobject.yaml:", stdout, StringComparison.Ordinal);
        Assert.Contains("MP1001", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\nk8s/hpa.yaml:", "\n" + stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null, false, true)]
    [InlineData(false, null, false, false)]
    [InlineData(true, "1", false, false)]
    [InlineData(true, "", false, true)]
    [InlineData(true, null, true, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR_or_no_color(bool terminal, string? noColor, bool noColorSwitch, bool expectColour)
    {
        dir.Write("bad.yaml", Broken);
        string[] args = noColorSwitch ? ["check", "--no-color", "bad.yaml"] : ["check", "bad.yaml"];
        var (_, stdout, _) = RunIn(null, terminal, noColor, args);
        Assert.Equal(expectColour, stdout.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void Help_exits_0()
    {
        var (exitCode, stdout, _) = Run("check", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--fail-level", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_the_catalogue_as_text_and_json()
    {
        var (exitCode, stdout, _) = Run("rules");
        Assert.Equal(0, exitCode);
        Assert.Contains("MP0001  invalid-yaml", stdout, StringComparison.Ordinal);
        var (jsonExit, json, _) = Run("rules", "--format", "json");
        Assert.Equal(0, jsonExit);
        var rules = JsonDocument.Parse(json).RootElement.GetProperty("rules");
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "MP0001" && r.GetProperty("name").GetString() == "invalid-yaml");
    }
}
