using System.Text.Json;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>
/// The scripts of action.yml's install and check steps, run by bash as the runner would (GITHUB_ACTION_PATH,
/// RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT), and their SARIF log validated by the SARIF Multitool with GitHub's
/// ingestion rules: what upload-sarif would receive.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class GitHubActionTests(RepositorySnapshot snapshot)
{
    [SarifMultitoolFact]
    public void Action_installs_the_tool_from_its_own_source_and_writes_SARIF_code_scanning_accepts()
    {
        var runnerTemp = snapshot.NewFolder("runner-temp");
        var githubPath = Path.Combine(runnerTemp, "github-path");
        var install = RunStep("install", snapshot.Root, new Dictionary<string, string?>
        {
            ["GITHUB_ACTION_PATH"] = snapshot.Root,
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_PATH"] = githubPath,
            ["MANIFESTPOLICY_VERSION"] = "",
        });
        Assert.True(install.ExitCode == 0, install.ToString());
        var toolDirectory = File.ReadAllText(githubPath).Trim();
        Assert.True(File.Exists(Path.Combine(toolDirectory, "manifestpolicy")), $"no manifestpolicy in {toolDirectory}:\n{install}");
        AssertPortableAndReadyToRunCopies(Assert.Single(Directory.GetFiles(Path.Combine(runnerTemp, "manifestpolicy-package"), "*.nupkg")));

        var bad = RunCheck(toolDirectory, "samples", "workspace-bad");
        Assert.Equal("1", bad.Outputs["exit-code"]);
        var sarif = Path.Combine(bad.Workspace, bad.Outputs["sarif-file"]);
        var validation = ProcessRunner.Run("bash", [RepoPaths.ValidateSarif, sarif], bad.Workspace);
        Assert.True(validation.ExitCode == 0, "SARIF Multitool: " + validation);

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        Assert.StartsWith("manifestpolicy/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        var ruleIds = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToHashSet();
        Assert.Contains("MP1001", ruleIds);

        var corrected = RunCheck(toolDirectory, "samples/corrected", "workspace-corrected");
        Assert.Equal("0", corrected.Outputs["exit-code"]);

        // A pipeline tells a broken invocation (2) from findings (1); the action's check step fails on it.
        var missing = ProcessRunner.Run(Path.Combine(toolDirectory, "manifestpolicy"), ["check", "no-such-folder/app.yaml"], corrected.Workspace);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.StartsWith("manifestpolicy: error: ", missing.Output);
    }

    /// <summary>
    /// The tool package holds the same files twice: plain IL under tools/net10.0/any/, which every platform can load,
    /// and ReadyToRun for the packing machine under tools/net10.0/RID/, which `dotnet tool install` prefers there.
    /// </summary>
    private static void AssertPortableAndReadyToRunCopies(string package)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var byFolder = zip.Entries
            .Where(e => e.FullName.StartsWith("tools/net10.0/", StringComparison.Ordinal))
            .GroupBy(e => e.FullName.Split('/')[2])
            .ToDictionary(g => g.Key, g => g.Select(e => e.FullName.Split('/', 4)[3]).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("any", byFolder.Keys);
        var rid = Assert.Single(byFolder.Keys, k => k != "any");
        Assert.Equal(byFolder["any"], byFolder[rid]);
        Assert.Contains("DotnetToolSettings.xml", byFolder["any"]);
        Assert.Contains("manifestpolicy.dll", byFolder["any"]);
        long Size(string folder, string file) => zip.GetEntry($"tools/net10.0/{folder}/{file}")!.Length;
        Assert.True(Size(rid, "YamlDotNet.dll") > Size("any", "YamlDotNet.dll"), "the RID folder holds no ReadyToRun code");
    }

    private (string Workspace, Dictionary<string, string> Outputs) RunCheck(string toolDirectory, string sampleRoot, string name)
    {
        var workspace = snapshot.NewFolder(name);
        CopyDirectory(Path.Combine(RepoPaths.Root, sampleRoot, "infrastructure"), Path.Combine(workspace, "infrastructure"));
        var githubOutput = Path.Combine(workspace, "..", name + "-github-output");
        var result = RunStep("check", workspace, new Dictionary<string, string?>
        {
            ["PATH"] = toolDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_OUTPUT"] = githubOutput,
            ["MANIFESTPOLICY_PATHS"] = "infrastructure",
            ["MANIFESTPOLICY_CONTEXT"] = ".",
            ["MANIFESTPOLICY_SARIF"] = "manifestpolicy.sarif",
            ["MANIFESTPOLICY_FAIL_LEVEL"] = "error",
            ["MANIFESTPOLICY_CATEGORY"] = "manifestpolicy",
        });
        // The step itself succeeds on findings so that the upload step still runs.
        Assert.True(result.ExitCode == 0, result.ToString());
        var outputs = File.ReadAllLines(githubOutput)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return (workspace, outputs);
    }

    private static ProcessResult RunStep(string id, string workingDirectory, Dictionary<string, string?> environment)
    {
        var script = IntegrationFileTests.Step(id).TextOf("run")!;
        return ProcessRunner.Run("bash", ["-c", script], workingDirectory, environment);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
