namespace ManifestPolicy.Syntax;

/// <summary>A half-open range of UTF-16 code unit offsets into a <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A 1-based line and a 1-based column counted in UTF-16 code units, as SARIF's utf16CodeUnits.</summary>
public readonly record struct LinePosition(int Line, int Column) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>Start and end of a span; the end column is exclusive, as in SARIF regions.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
