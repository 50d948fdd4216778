using System.CommandLine;
using ManifestPolicy.Cli.Commands;
using ManifestPolicy.Configuration;
using ManifestPolicy.Inputs;

namespace ManifestPolicy.Cli;

public static class Program
{
    public static int Main(string[] args) =>
        Run(args, new CliContext(Console.Out, Console.Error) { StdoutIsTerminal = !Console.IsOutputRedirected });

    /// <summary>The whole command line, callable from tests with captured output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            var root = new RootCommand("ManifestPolicy: policy analyzer for Kubernetes and KEDA manifests.");
            root.Subcommands.Add(CheckCommand.Create(context));
            root.Subcommands.Add(RulesCommand.Create(context.Stdout));
            root.Subcommands.Add(FixCommand.Create(context));
            root.Subcommands.Add(RenderCommand.Create(context));
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                return Fail(context, string.Join("; ", parseResult.Errors.Select(e => e.Message)) + " (see --help)");
            }

            var config = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false };
            return parseResult.Invoke(config);
        }
        catch (Exception ex) when (ex is CliException or InputException)
        {
            return Fail(context, ex.Message);
        }
        catch (ConfigurationException ex)
        {
            // Already "file(line,col): error: 'key': reason", the form editors and CI logs link to.
            context.Stderr.WriteLine(ex.Message);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(context, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything else is a bug; still one line, with enough to report it.
            return Fail(context, $"internal error: {ex.GetType().Name}: {ex.Message}" + (context.GetEnvironmentVariable("MANIFESTPOLICY_DEBUG") == "1" ? ex.StackTrace : string.Empty));
        }
    }

    private static int Fail(CliContext context, string message)
    {
        var oneLine = System.Text.RegularExpressions.Regex.Replace(message, @"\s+", " ").Trim();
        context.Stderr.WriteLine($"manifestpolicy: error: {oneLine}");
        return ExitCodes.Error;
    }
}
