using System.Globalization;
using System.Text;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules.Placeholders;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Rules;

/// <summary>
/// MP2001: a value still holds a fill-in token (<c>&lt;NAME&gt;</c>, <c>${VAR}</c>, <c>{{ x }}</c>, REPLACE_ME). The
/// hard part is precision: shells, alerting rules, workflow engines and embedded files use the same syntaxes for
/// their own run-time expansion, so the field and the kind decide which syntaxes count.
/// </summary>
public sealed class MP2001UnresolvedPlaceholder : ManifestAnalyzer
{
    private const int MaxDepth = 200;

    public static DiagnosticDescriptor Rule { get; } = new(
        "MP2001",
        "unresolved-placeholder",
        "Placeholder left unsubstituted",
        "Correctness",
        Severity.Error,
        "A value in a Kubernetes object still holds a fill-in token such as <MSK_BOOTSTRAP_SERVERS>, <your-queue-url>, "
        + "${SQS_QUEUE_URL}, {{ .Values.image }} or REPLACE_ME: the templating or hand-editing step that should have put "
        + "the real value there did not run. The API server accepts most of these strings, so the mistake shows up only "
        + "at run time, as a connection to a host named '<eventhub_namespace_name>' or an image that cannot be pulled. "
        + "Run-time expansions are not reported: Kubernetes $(VAR), shell ${VAR} in container command and args, "
        + "{{ $labels.x }} in alerting rules and the templates of Argo, Kyverno and other engines that expand them "
        + "themselves, template syntax inside files embedded in ConfigMaps, CRD schemas, and comments. "
        + "Secret values are never printed; the finding names the key.",
        ["keda", "correctness", "templating"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration)
    {
        registration.RegisterObjectAction(AnalyzeObject);
        registration.RegisterFileAction(AnalyzeUnparsedText);
    }

    private static void AnalyzeObject(ObjectAnalysisContext context)
    {
        var obj = context.Object;
        if (obj.Kind == "CustomResourceDefinition" && obj.Group == "apiextensions.k8s.io")
        {
            // A CRD's schema is documentation: "<KEY>", "$(VAR_NAME)" and "{{ }}" there describe other objects' values.
            return;
        }

        var walker = new Walker(context, PlaceholderPatterns.For(context.Options));
        walker.Visit(obj.Node, FieldContext.Normal, depth: 0);
    }

    /// <summary>
    /// A file that does not parse (MP0001) often fails because of an envsubst token at the start of a line, e.g.
    /// <c>${_caCertPem}</c> under a block scalar. The unparsed text is scanned line by line, and only tokens that stand
    /// where a value starts count, so shell lines and Helm templates in a broken file stay quiet.
    /// </summary>
    private static void AnalyzeUnparsedText(FileAnalysisContext context)
    {
        var tree = context.Tree;
        if (tree.Error is null)
        {
            return;
        }

        var text = tree.Text;
        var regionStart = tree.Documents.Count == 0 ? 0 : tree.Documents[^1].Span.End;
        var firstLine = text.GetPosition(regionStart).Line;
        var patterns = PlaceholderPatterns.For(context.Options);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var line = firstLine; line <= text.LineCount; line++)
        {
            var lineText = text.GetLineText(line);
            var trimmed = lineText.AsSpan().TrimStart();
            if (trimmed.IsEmpty || trimmed[0] == '#' || lineText.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            if (!PlaceholderScanner.TryScan(lineText, PlaceholderFamilies.Angle | PlaceholderFamilies.Dollar | PlaceholderFamilies.BareWord, patterns, null, out var scan)
                || !StandsAtValueStart(lineText, scan.First.Index))
            {
                continue;
            }

            var match = scan.First;
            var start = text.GetLineStart(line) + match.Index;
            seen[match.Text] = seen.TryGetValue(match.Text, out var n) ? n + 1 : 1;
            var diagnostic = context.Create(
                Rule,
                text,
                new TextSpan(start, start + match.Length),
                $"'{tree.Path}' holds the placeholder '{match.Text}' in text that does not parse until it is substituted; substitute the real value before deploy (e.g. with `manifestpolicy render`).",
                $"MP2001|{tree.Path}|-|{match.Text}#{seen[match.Text]}") with
            {
                Properties = Properties(match.Text, match.Name, string.Empty, start, match.Length),
            };
            context.Report(diagnostic);
        }
    }

    private static bool StandsAtValueStart(string line, int index)
    {
        var before = line.AsSpan(0, index).Trim().TrimEnd("\"'".AsSpan()).TrimEnd();
        return before.IsEmpty || before[^1] == ':' || before.SequenceEqual("-");
    }

    private static Dictionary<string, string> Properties(string placeholder, string name, string path, int spanStart, int spanLength)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["path"] = path,
            ["spanStart"] = spanStart.ToString(CultureInfo.InvariantCulture),
            ["spanLength"] = spanLength.ToString(CultureInfo.InvariantCulture),
        };
        if (placeholder.Length > 0)
        {
            properties["placeholder"] = placeholder;
            properties["placeholderName"] = name;
        }

        return properties;
    }

    /// <summary>What the field a scalar sits in means for placeholder syntaxes.</summary>
    private enum FieldContext
    {
        Normal,

        /// <summary>An item of a container's command or args, or an Argo script source: a shell expands ${VAR}.</summary>
        Shell,

        /// <summary>A ConfigMap data value: an embedded file when it spans lines or its key is a file name.</summary>
        ConfigMapData,

        SecretData,

        SecretStringData,
    }

    private readonly record struct Segment(string? Key, int Index);

    private sealed class Walker
    {
        private readonly ObjectAnalysisContext context;
        private readonly ManifestObject obj;
        private readonly PlaceholderPatterns patterns;
        private readonly PlaceholderFamilies objectFamilies;
        private readonly IReadOnlySet<string>? templateParameters;
        private readonly List<Segment> path = [];

        public Walker(ObjectAnalysisContext context, PlaceholderPatterns patterns)
        {
            this.context = context;
            obj = context.Object;
            this.patterns = patterns;
            objectFamilies = RuntimeTemplateKinds.ExpandsMustache(obj) ? PlaceholderFamilies.All & ~PlaceholderFamilies.Mustache : PlaceholderFamilies.All;
            templateParameters = RuntimeTemplateKinds.TemplateParameters(obj);
        }

        public void Visit(YamlNode node, FieldContext field, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            switch (node)
            {
                case ScalarNode scalar:
                    VisitScalar(scalar, field);
                    break;
                case MappingNode mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.KeyText is not { } key || key == "<<")
                        {
                            continue;
                        }

                        path.Add(new Segment(key, -1));
                        Visit(entry.Value, ChildContext(field, key, depth), depth + 1);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                case SequenceNode sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        path.Add(new Segment(null, i));
                        Visit(sequence.Items[i], field, depth + 1);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
            }

            // Aliases are skipped: the anchored node is reported where it is written.
        }

        private FieldContext ChildContext(FieldContext parent, string key, int depth)
        {
            if (parent is FieldContext.SecretData or FieldContext.SecretStringData or FieldContext.ConfigMapData)
            {
                return parent;
            }

            if (depth == 0)
            {
                return (obj.Kind, key) switch
                {
                    ("Secret", "data") => FieldContext.SecretData,
                    ("Secret", "stringData") => FieldContext.SecretStringData,
                    ("ConfigMap", "data" or "binaryData") => FieldContext.ConfigMapData,
                    _ => parent,
                };
            }

            if (key is "command" or "args" || (key == "source" && path.Count >= 2 && path[^2].Key == "script"))
            {
                return FieldContext.Shell;
            }

            return parent;
        }

        private void VisitScalar(ScalarNode scalar, FieldContext field)
        {
            var value = scalar.Value;
            var decodedSecret = false;
            if (field == FieldContext.SecretData && SecretData.TryDecodeBase64(value, out var decoded) && value.Length > 0)
            {
                value = decoded;
                decodedSecret = true;
            }

            if (patterns.Extra.Count == 0 && !PlaceholderScanner.MayContain(value))
            {
                return;
            }

            var families = FamiliesFor(field, value);
            if (!PlaceholderScanner.TryScan(value, families, patterns, templateParameters, out var scan))
            {
                return;
            }

            Report(scalar, field, scan, decodedSecret);
        }

        private PlaceholderFamilies FamiliesFor(FieldContext field, string value)
        {
            var families = objectFamilies;
            var embedded = value.Contains('\n') || (field == FieldContext.ConfigMapData && path[^1].Key?.Contains('.') == true);
            if (embedded)
            {
                families &= PlaceholderFamilies.Embedded;
            }

            if (field == FieldContext.Shell)
            {
                families &= ~PlaceholderFamilies.Dollar;
            }

            return families;
        }

        private void Report(ScalarNode scalar, FieldContext field, PlaceholderScan scan, bool decodedSecret)
        {
            var yamlPath = FormatPath();
            var isSecret = field is FieldContext.SecretData or FieldContext.SecretStringData;
            var span = decodedSecret ? ContentSpan(scalar) : LocatePlaceholder(scalar, scan.First);
            var others = scan.Count - 1;
            var more = others == 0 ? string.Empty : $" (and {others} more placeholder{(others == 1 ? string.Empty : "s")})";
            string message;
            if (isSecret)
            {
                var key = path[^1].Key ?? yamlPath;
                var section = field == FieldContext.SecretData ? "data" : "stringData";
                message = $"Key '{key}' in {section} of {Display()} still holds a placeholder instead of a value{more}; substitute the real value before deploy (e.g. with `manifestpolicy render`).";
            }
            else
            {
                message = $"Value of {yamlPath} in {Display()} still holds the placeholder '{scan.First.Text}'{more}; substitute the real value before deploy (e.g. with `manifestpolicy render`).";
            }

            var diagnostic = context.Create(Rule, obj.Text, span, message, $"MP2001|{obj.Path}|{obj.Kind}/{obj.Namespace}/{obj.Name}|{yamlPath}") with
            {
                Location = new Location(obj.Text, span) { IsSensitive = isSecret },
                // A Secret's placeholder text may be a fragment of a real credential: only its place is published.
                Properties = isSecret
                    ? Properties(string.Empty, string.Empty, yamlPath, span.Start, span.Length)
                    : Properties(scan.First.Text, scan.First.Name, yamlPath, span.Start, span.Length),
            };
            context.Report(diagnostic);
        }

        private string Display() => obj.Name.Length == 0 ? $"{obj.Kind} (unnamed)" : obj.DisplayName;

        private TextSpan LocatePlaceholder(ScalarNode scalar, PlaceholderMatch match) =>
            ScalarSource.LocateToken(obj.Text.Text, scalar, match.Index, match.Text) is { } start
                ? new TextSpan(start, start + match.Length)
                : ContentSpan(scalar);

        private TextSpan ContentSpan(ScalarNode scalar) => ScalarSource.ContentSpan(obj.Text.Text, scalar);

        private string FormatPath()
        {
            var builder = new StringBuilder();
            foreach (var segment in path)
            {
                if (segment.Key is null)
                {
                    builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else if (IsSimpleKey(segment.Key))
                {
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(segment.Key);
                }
                else
                {
                    builder.Append("[\"").Append(segment.Key.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
                }
            }

            return builder.ToString();
        }

        private static bool IsSimpleKey(string key)
        {
            if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
            {
                return false;
            }

            foreach (var c in key)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
