using System.CommandLine;
using ManifestPolicy.Cli.Commands;

namespace ManifestPolicy.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole command line, callable from tests with captured output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ManifestPolicy: policy analyzer for Kubernetes and KEDA manifests.");
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout));
        root.Subcommands.Add(FixCommand.Create(stdout, stderr, () => Environment.CurrentDirectory, Environment.GetEnvironmentVariable));
        root.Subcommands.Add(RenderCommand.Create(stdout, stderr, () => Environment.CurrentDirectory, Environment.GetEnvironmentVariable));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }
}
