using ManifestPolicy.Configuration;

namespace ManifestPolicy.Tests.Configuration;

public class EditorConfigGlobTests
{
    private const string Dir = "/repo";

    [Theory]
    [InlineData("*.yaml", "/repo/a.yaml", true)]
    [InlineData("*.yaml", "/repo/deep/er/a.yaml", true)]
    [InlineData("*.yaml", "/repo/a.yml", false)]
    [InlineData("*.yaml", "/other/a.yaml", false)]
    [InlineData("*.{yaml,yml}", "/repo/x/a.yml", true)]
    [InlineData("*.{yaml,yml}", "/repo/x/a.json", false)]
    [InlineData("deploy/prod/**.yaml", "/repo/deploy/prod/a/b/c.yaml", true)]
    [InlineData("deploy/prod/**.yaml", "/repo/deploy/prod/c.yaml", true)]
    [InlineData("deploy/prod/**.yaml", "/repo/x/deploy/prod/c.yaml", false)]
    [InlineData("deploy/prod/*.yaml", "/repo/deploy/prod/a/c.yaml", false)]
    [InlineData("/top.yaml", "/repo/top.yaml", true)]
    [InlineData("/top.yaml", "/repo/sub/top.yaml", false)]
    [InlineData("a/**/b.yaml", "/repo/a/b.yaml", true)]
    [InlineData("a/**/b.yaml", "/repo/a/x/y/b.yaml", true)]
    [InlineData("file?.yaml", "/repo/file1.yaml", true)]
    [InlineData("file?.yaml", "/repo/file12.yaml", false)]
    [InlineData("[abc].yaml", "/repo/b.yaml", true)]
    [InlineData("[abc].yaml", "/repo/d.yaml", false)]
    [InlineData("[!abc].yaml", "/repo/d.yaml", true)]
    [InlineData("[!abc].yaml", "/repo/a.yaml", false)]
    [InlineData("[a-c]x.yaml", "/repo/bx.yaml", true)]
    [InlineData("[a-c]x.yaml", "/repo/dx.yaml", false)]
    [InlineData("app{1..3}.yaml", "/repo/app2.yaml", true)]
    [InlineData("app{1..3}.yaml", "/repo/app4.yaml", false)]
    [InlineData("app{-2..2}.yaml", "/repo/app-1.yaml", true)]
    [InlineData("{a,{b,c}}.yaml", "/repo/c.yaml", true)]
    [InlineData("{a,{b,c}}.yaml", "/repo/d.yaml", false)]
    [InlineData("{single}.yaml", "/repo/{single}.yaml", true)]
    [InlineData("{single}.yaml", "/repo/single.yaml", false)]
    [InlineData(@"\*.yaml", "/repo/*.yaml", true)]
    [InlineData(@"\*.yaml", "/repo/a.yaml", false)]
    [InlineData("[unclosed.yaml", "/repo/[unclosed.yaml", true)]
    [InlineData("{unclosed.yaml", "/repo/{unclosed.yaml", true)]
    [InlineData("*", "/repo/any/thing.yaml", true)]
    [InlineData("*.YAML", "/repo/a.yaml", false)]
    public void Section_matches_as_the_editorconfig_specification_says(string section, string path, bool expected) =>
        Assert.Equal(expected, EditorConfigGlob.CompileSection(section, Dir).IsMatch(path));

    [Fact]
    public void Star_does_not_cross_folders_but_double_star_does()
    {
        Assert.False(EditorConfigGlob.Compile("a/*.yaml").IsMatch("a/b/c.yaml"));
        Assert.True(EditorConfigGlob.Compile("a/**.yaml").IsMatch("a/b/c.yaml"));
    }
}
