using ManifestPolicy.Configuration;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Configuration;

public class ConfigurationExplainerTests
{
    [Fact]
    public void Explain_names_the_files_and_the_origin_of_every_severity()
    {
        using var dir = new TempDirectory();
        dir.MakeDirectory(".git");
        dir.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.MP2001.severity = warning\n");
        dir.Write("deploy/.editorconfig", "[prod/**]\nmanifestpolicy_diagnostic.MP3002.severity = none\n");
        dir.Write("manifestpolicy.yaml", "exclude: [\"deploy/prod/generated/**\"]\n");
        var configuration = RunConfiguration.Load(null, ["MP3001=note"], null, ["deploy/prod/generated/app.yaml"], dir.Root);

        var writer = new StringWriter { NewLine = "\n" };
        ConfigurationExplainer.Write(writer, configuration, "deploy/prod/generated/app.yaml");
        var lines = writer.ToString().Split('\n');

        Assert.Equal("Configuration for deploy/prod/generated/app.yaml", lines[0]);
        Assert.Equal("  manifestpolicy.yaml: manifestpolicy.yaml", lines[1]);
        Assert.Equal("  .editorconfig: .editorconfig, deploy/.editorconfig", lines[2]);
        Assert.Equal("  excluded: yes, by 'deploy/prod/generated/**' in manifestpolicy.yaml; the file is not checked", lines[3]);
        Assert.Contains(lines, l => l.StartsWith("MP2001", StringComparison.Ordinal) && l.EndsWith("warning   .editorconfig:3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MP3002", StringComparison.Ordinal) && l.EndsWith("none      deploy/.editorconfig:2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MP3001", StringComparison.Ordinal) && l.EndsWith("note      command line (--severity MP3001=note)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MP0002", StringComparison.Ordinal) && l.EndsWith("note      default", StringComparison.Ordinal));
    }
}
