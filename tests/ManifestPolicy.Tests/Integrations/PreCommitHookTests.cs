using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>
/// The hook of .pre-commit-hooks.yaml, run by the real pre-commit (`pre-commit try-repo`) against a snapshot of this
/// repository, in a scratch repository holding the sample manifests. pre-commit builds and installs the tool itself
/// (`dotnet pack` at the root, `dotnet tool install` of every package), so this also proves that the root pack
/// produces nothing but the tool.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PreCommitHookTests(RepositorySnapshot snapshot)
{
    private const string Deployment = "infrastructure/kubernetes/inference-deployment.yaml";
    private const string ScaledObject = "infrastructure/kubernetes/keda-inference-scaledobject.yaml";

    [PreCommitFact]
    public void Hook_fails_on_a_staged_ScaledObject_whose_HPA_is_in_an_unchanged_committed_file()
    {
        var result = RunHookOnStagedScaledObject(sampleRoot: "samples", name: "bad");

        Assert.True(result.ExitCode != 0, "the hook passed on the bad sample:\n" + result);
        Assert.Contains("MP1001", result.Output);
        Assert.Contains("keda-inference-scaledobject.yaml", result.Output);
        Assert.Contains("Failed", result.Output);
    }

    [PreCommitFact]
    public void Hook_passes_on_the_corrected_sample()
    {
        var result = RunHookOnStagedScaledObject(sampleRoot: "samples/corrected", name: "corrected");

        Assert.True(result.ExitCode == 0, "the hook failed on the corrected sample:\n" + result);
        Assert.Contains("Passed", result.Output);
    }

    /// <summary>
    /// Commits the Deployment (with or without its HPA) first, then stages only the ScaledObject: pre-commit passes the
    /// hook that one file, and the HPA is seen only through the hook's --context.
    /// </summary>
    private ProcessResult RunHookOnStagedScaledObject(string sampleRoot, string name)
    {
        var work = snapshot.NewFolder("pre-commit-" + name);
        Git.Init(work);
        CopySample(sampleRoot, Deployment, work);
        Git.CommitAll(work, "deployment");
        CopySample(sampleRoot, ScaledObject, work);
        Git.Add(work, ScaledObject);

        return ProcessRunner.Run("pre-commit", ["try-repo", snapshot.Root, "manifestpolicy", "--verbose"], work, new Dictionary<string, string?>
        {
            // One store for both tests: pre-commit builds the hook's environment once per repository and commit.
            ["PRE_COMMIT_HOME"] = Path.Combine(Path.GetDirectoryName(snapshot.Root)!, "pre-commit-home"),
            ["PRE_COMMIT_COLOR"] = "never",
            ["SKIP"] = null,
        });
    }

    private static void CopySample(string sampleRoot, string relativePath, string work)
    {
        var target = Path.Combine(work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepoPaths.Root, sampleRoot, relativePath), target);
    }
}
