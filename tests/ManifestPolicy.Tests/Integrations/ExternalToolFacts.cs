using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>
/// A test that drives pre-commit (Debian: apt-get install pre-commit). Outside CI it is skipped, with the reason, when
/// pre-commit is missing; with CI=true it always runs, so a missing pre-commit fails it.
/// </summary>
public sealed class PreCommitFactAttribute : FactAttribute
{
    public PreCommitFactAttribute()
    {
        if (!RepoPaths.IsCi && !ProcessRunner.OnPath("pre-commit"))
        {
            Skip = "pre-commit not found on PATH (apt-get install pre-commit); .ci/run installs it and CI runs this test";
        }
    }
}

/// <summary>A test that needs git and bash; skipped outside CI without them, failing in CI.</summary>
public sealed class GitFactAttribute : FactAttribute
{
    public GitFactAttribute()
    {
        if (!RepoPaths.IsCi && (!ProcessRunner.OnPath("git") || !ProcessRunner.OnPath("bash")))
        {
            Skip = "git or bash not found on PATH; CI runs this test";
        }
    }
}
