using System.Collections.Concurrent;
using System.Reflection;
using ManifestPolicy.Fixes.Yaml;
using Scriban;
using Scriban.Runtime;

namespace ManifestPolicy.Fixes.Templates;

/// <summary>A template that does not parse or fails while rendering: the fix is not made, and the reason is shown.</summary>
public sealed class FixTemplateException(string message) : Exception(message);

/// <summary>
/// The Scriban templates fixes render their new text from. The defaults are embedded in the assembly (their sources
/// are rules/templates/*.scriban); a folder given with --templates overrides any of them by file name.
/// </summary>
public sealed class FixTemplates
{
    private const string ResourcePrefix = "ManifestPolicy.Templates.";
    private const int LoopLimit = 1_000;
    private const int RecursiveLimit = 20;
    private const int OutputLimit = 64 * 1024;

    private readonly string? overrideDirectory;
    private readonly ConcurrentDictionary<string, Template> cache = new(StringComparer.Ordinal);

    public FixTemplates(string? overrideDirectory = null)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new FixTemplateException($"template folder '{overrideDirectory}' does not exist");
        }

        this.overrideDirectory = overrideDirectory;
    }

    public static FixTemplates Default { get; } = new();

    /// <summary>Names of the templates that ship with the tool, e.g. "mp3002-trigger-authentication".</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
        [.. typeof(FixTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Path.GetFileNameWithoutExtension(n[ResourcePrefix.Length..]))
            .Order(StringComparer.Ordinal)];

    /// <summary>The template's source: the override when one exists, else the built-in one.</summary>
    public string GetSource(string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, name + ".scriban");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        using var stream = typeof(FixTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".scriban")
            ?? throw new FixTemplateException($"there is no fix template named '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Renders a template with the given variables. Rendering goes through a TemplateContext with strict variables and
    /// limits, never Template.Render(object), which would silently render a missing member as empty.
    /// </summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> variables)
    {
        var template = cache.GetOrAdd(name, n =>
        {
            // Line breaks of the template itself are normalised; values rendered into it are left exactly as they are.
            var parsed = Template.Parse(GetSource(n).Replace("\r\n", "\n", StringComparison.Ordinal), n + ".scriban");
            if (parsed.HasErrors)
            {
                throw new FixTemplateException($"fix template '{n}' does not parse: {string.Join("; ", parsed.Messages.Select(m => m.ToString()))}");
            }

            return parsed;
        });

        var globals = new ScriptObject();
        ImportFunctions(globals);
        foreach (var (key, value) in variables)
        {
            globals.SetValue(key, ToScriptValue(value), readOnly: true);
        }

        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            ObjectRecursionLimit = RecursiveLimit,
            LimitToString = OutputLimit,
            NewLine = "\n",
            EnableRelaxedMemberAccess = false,
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Exception ex) when (ex is Scriban.Syntax.ScriptRuntimeException or ArgumentException or InvalidOperationException)
        {
            throw new FixTemplateException($"fix template '{name}' failed: {ex.Message}");
        }
    }

    private static object? ToScriptValue(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => ToScriptObject(map),
        IEnumerable<string> list when value is not string => new ScriptArray(list),
        _ => value,
    };

    private static ScriptObject ToScriptObject(IReadOnlyDictionary<string, object?> map)
    {
        var result = new ScriptObject();
        foreach (var (key, value) in map)
        {
            result.SetValue(key, ToScriptValue(value), readOnly: true);
        }

        return result;
    }

    private static void ImportFunctions(ScriptObject globals)
    {
        // yaml_quote: the one way templates insert a value; it always yields one scalar that reads back as the value.
        globals.Import("yaml_quote", new Func<object?, string>(value => YamlScalarWriter.Write(Stringify(value))));

        // yaml_string: always quoted, for values whose plain form would read fine but should look like strings.
        globals.Import("yaml_string", new Func<object?, string>(value => YamlScalarWriter.DoubleQuoted(Stringify(value))));

        // yaml_comment: text made safe for a comment line (no line breaks).
        globals.Import("yaml_comment", new Func<object?, string>(value =>
            string.Concat(Stringify(value).Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c))));
    }

    private static string Stringify(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
