using ManifestPolicy.Cli;
using ManifestPolicy.Fixes;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Cli;

public sealed class FixAndRenderCommandTests : IDisposable
{
    private const string Kubernetes = "samples/infrastructure/kubernetes";

    private readonly TempDirectory dir = new();

    public FixAndRenderCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file);
            dir.WriteBytes(relative, File.ReadAllBytes(file));
        }
    }

    public void Dispose() => dir.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr) { WorkingDirectory = dir.Path, GetEnvironmentVariable = _ => null };
        return (Program.Run(args, context), stdout.ToString(), stderr.ToString());
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(dir.Path, relative));

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

    [Fact]
    public void Dry_run_prints_a_diff_and_writes_nothing()
    {
        var before = Snapshot();
        var (exitCode, stdout, stderr) = Run("fix", "--dry-run", "--ca-secret", "msk-ca", Kubernetes);
        Assert.Equal(before, Snapshot());
        Assert.Contains("--- a/samples/infrastructure/kubernetes/inference-deployment.yaml", stdout, StringComparison.Ordinal);
        Assert.Contains("-        unsafeSsl: \"true\"\n+        unsafeSsl: \"false\"\n", stdout, StringComparison.Ordinal);
        Assert.Contains("would fix MP1001", stderr, StringComparison.Ordinal);
        Assert.Contains("not fixed MP2001 (error): the mapping MSK_BOOTSTRAP_SERVERS -> kafka_bootstrap_brokers_tls names no value", stderr, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void The_sample_diff_touches_only_the_lines_it_must()
    {
        var (_, stdout, _) = Run("fix", "--dry-run", "--ca-secret", "msk-ca", "--values", "samples/terraform/outputs.json", Kubernetes);
        ManifestPolicy.Tests.Fixes.Golden.AssertMatches("sample-fix.diff", stdout);
    }

    [Fact]
    public void Fix_with_values_and_a_ca_secret_makes_the_sample_check_clean_and_a_second_fix_changes_nothing()
    {
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        var deployment = Path.Combine(dir.Path, Kubernetes, "inference-deployment.yaml");
        var unix = !OperatingSystem.IsWindows();
        if (unix)
        {
            File.SetUnixFileMode(deployment, mode);
        }

        var (exitCode, stdout, _) = Run("fix", "--ca-secret", "msk-ca", "--values", "samples/terraform/outputs.json", "--map", "MSK_BOOTSTRAP_SERVERS=kafka_bootstrap_brokers_tls", Kubernetes);
        Assert.True(exitCode == 0, stdout);
        Assert.EndsWith("0 findings remain\n", stdout, StringComparison.Ordinal);
        if (unix)
        {
            Assert.Equal(mode, File.GetUnixFileMode(deployment));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, Kubernetes), ".*"));
        Assert.Equal(0, Run("check", Kubernetes).ExitCode);

        var fixedFiles = Snapshot();
        var second = Run("fix", "--ca-secret", "msk-ca", Kubernetes);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(fixedFiles, Snapshot());
        Assert.Contains("0 fixes changed 0 files", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_refuses_the_raw_sample_and_writes_nothing()
    {
        File.Delete(Path.Combine(dir.Path, Kubernetes, "keda-inference-scaledobject-final.yaml"));
        var before = Snapshot();
        var (exitCode, _, stderr) = Run("render", Kubernetes, "--values", "samples/terraform/outputs.json", "--map", "MSK_BOOTSTRAP_SERVERS=kafka_bootstrap_brokers_tls");
        Assert.Equal(1, exitCode);
        Assert.Equal(before, Snapshot());
        Assert.Contains("error MP1001", stderr, StringComparison.Ordinal);
        Assert.Contains("error MP3002", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_then_render_produces_the_final_scaled_object_with_tls_brokers()
    {
        Assert.Equal(1, Run("fix", "--rule", "MP1001,kafka-unsafe-ssl-in-production", "--ca-secret", "msk-ca", Kubernetes).ExitCode);
        var template = Read($"{Kubernetes}/keda-inference-scaledobject.yaml");

        var (exitCode, stdout, stderr) = Run("render", Kubernetes, "--values", "samples/terraform/outputs.json", "--map", "MSK_BOOTSTRAP_SERVERS=kafka_bootstrap_brokers_tls");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"wrote {Kubernetes}/keda-inference-scaledobject-final.yaml\n", stdout);
        var final = Read($"{Kubernetes}/keda-inference-scaledobject-final.yaml");
        Assert.Equal(template.Replace("<MSK_BOOTSTRAP_SERVERS>", "b-1.videoframes.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9094,b-2.videoframes.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9094", StringComparison.Ordinal), final);
        Assert.Equal(template, Read($"{Kubernetes}/keda-inference-scaledobject.yaml"));
        Assert.Equal(0, Run("check", $"{Kubernetes}/inference-deployment.yaml", $"{Kubernetes}/keda-inference-scaledobject-final.yaml").ExitCode);
    }

    [Fact]
    public void Render_takes_the_mapping_from_the_samples_configuration()
    {
        Run("fix", "--rule", "MP1001,MP3002", Kubernetes);
        var (exitCode, _, stderr) = Run("render", Kubernetes, "--values", "samples/terraform/outputs.json");
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("c3.kafka.eu-west-1.amazonaws.com:9094,b-2", Read($"{Kubernetes}/keda-inference-scaledobject-final.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppressed_finding_is_not_fixed()
    {
        var path = $"{Kubernetes}/keda-inference-scaledobject.yaml";
        var text = Read(path).Replace("        unsafeSsl: \"true\"", "        # manifestpolicy-disable-next-line MP3002 -- brokers behind a TLS proxy with its own certificate\n        unsafeSsl: \"true\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir.Path, path), text);
        var (_, stdout, _) = Run("fix", "--rule", "MP3002", path);
        Assert.Equal(text, Read(path));
        Assert.Contains("0 fixes changed 0 files", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_with_out_writes_the_same_tree_under_the_folder()
    {
        Run("fix", "--rule", "MP1001,MP3002", Kubernetes);
        var (exitCode, stdout, stderr) = Run("render", Kubernetes, "--values", "samples/terraform/outputs.json", "--set", "MSK_BOOTSTRAP_SERVERS=b-1.videoframes.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9094", "--out", "out");
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("wrote out/inference-deployment.yaml\n", stdout, StringComparison.Ordinal);
        Assert.Contains(":9094", Read("out/keda-inference-scaledobject.yaml"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out", "keda-inference-scaledobject-final.yaml")));
    }

    [Fact]
    public void Render_fails_on_an_unresolved_placeholder()
    {
        Run("fix", "--rule", "MP1001,MP3002", Kubernetes);
        var (exitCode, _, stderr) = Run("render", $"{Kubernetes}/keda-inference-scaledobject.yaml", "--values", "samples/terraform/outputs.json", "--map", "MSK_BOOTSTRAP_SERVERS=no_such_output");
        Assert.Equal(1, exitCode);
        Assert.Contains("the mapping MSK_BOOTSTRAP_SERVERS -> no_such_output names no value", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, Kubernetes, "keda-inference-scaledobject-final.yaml.tmp")));
    }

    [Fact]
    public void Usage_errors_exit_2_with_one_line()
    {
        var (exitCode, _, stderr) = Run("fix", "--rule", "MP9999", Kubernetes);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("manifestpolicy: error: --rule 'MP9999' names no rule", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("render", Kubernetes, "--values", "missing.json").ExitCode);
        Assert.Equal(2, Run("fix", "--rule", "MP0001", Kubernetes).ExitCode);
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_written()
    {
        var path = dir.Write("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        var snapshot = FileSnapshot.Read(path, "c.yaml", out _);
        File.AppendAllText(path, "data: {}\n");
        var exception = Assert.Throws<FileWriteException>(() => AtomicFileWriter.Replace(snapshot, new SourceText("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n")));
        Assert.Contains("changed on disk", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("data: {}\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_does_not_parse_is_not_written()
    {
        var path = dir.Write("c.yaml", "a: 1\n");
        var snapshot = FileSnapshot.Read(path, "c.yaml", out _);
        Assert.Throws<FileWriteException>(() => AtomicFileWriter.Replace(snapshot, new SourceText("c.yaml", "a: [1\n")));
        Assert.Equal("a: 1\n", File.ReadAllText(path));
    }
}
