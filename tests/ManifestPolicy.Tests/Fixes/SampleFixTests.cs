using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Values;

namespace ManifestPolicy.Tests.Fixes;

public sealed class SampleFixTests
{
    private const string ScaledObjectPath = "infrastructure/kubernetes/keda-inference-scaledobject.yaml";
    private const string DeploymentPath = "infrastructure/kubernetes/inference-deployment.yaml";

    private static FixOptions SampleOptions(string? caSecret = "msk-ca")
    {
        var values = new ValueSet();
        values.LoadFile(Path.Combine(FixTestHost.RepoRoot, "samples/terraform/outputs.json"), "samples/terraform/outputs.json");
        values.AddMapping("MSK_BOOTSTRAP_SERVERS=kafka_bootstrap_brokers_tls");
        return new FixOptions { Values = values, CaSecret = caSecret is null ? null : CaSecret.Parse(caSecret) };
    }

    [Fact]
    public void Fixing_the_sample_leaves_no_findings()
    {
        var result = FixTestHost.Fix(
            SampleOptions(),
            (ScaledObjectPath, FixTestHost.Sample(ScaledObjectPath)),
            (DeploymentPath, FixTestHost.Sample(DeploymentPath)));

        Assert.Empty(result.Remaining);
        Assert.Equal(["MP1001", "MP2001", "MP3002"], result.Applied.Select(a => a.Fix.Diagnostic.Id).Order());
        Golden.AssertMatches("sample-fixed-scaledobject.yaml", result.TextOf(ScaledObjectPath));
        Golden.AssertMatches("sample-fixed-deployment.yaml", result.TextOf(DeploymentPath));
    }
}
