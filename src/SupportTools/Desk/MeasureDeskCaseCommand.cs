using System.Globalization;
using System.Management.Automation;
using SupportTools.Desk;

namespace SupportTools.Commands.Desk;

/// <summary>
/// <para type="synopsis">Describe-style statistics (count, sum, mean, standard deviation, min, quartiles, max) of numeric case properties, per group.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "DeskCase")]
[OutputType(typeof(DeskCaseStatistic))]
public sealed class MeasureDeskCaseCommand : SupportToolsCmdlet
{
    private DeskCaseMeasure? _measure;
    private string[] _properties = [];
    private bool[] _propertySeen = [];
    private bool _bySeen;
    private long _row;
    private string? _firstProperties;

    /// <summary>
    /// The cases: <c>DeskCase</c> objects, or any objects with the properties (e.g. <c>Import-Csv</c> rows, whose numbers
    /// are text and are read culture-invariantly).
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The numeric properties to measure (default: Attachments, Notes, Replies, Priority).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DeskCasePropertyCompleter))]
    public string[]? Property { get; set; }

    /// <summary>The property whose values form the groups (e.g. AssignedUserUri, Type, Status, Custom_tier); without it, one group of all cases.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DeskCasePropertyCompleter))]
    public string? By { get; set; }

    /// <inheritdoc />
    protected override void OnBegin()
    {
        _properties = (Property ?? DeskCaseMeasure.DefaultProperties).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _propertySeen = new bool[_properties.Length];
        _measure = new DeskCaseMeasure(_properties);
    }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (InputObject?.BaseObject is null) return;
        _row++;
        _firstProperties ??= string.Join(", ", InputObject.Properties.Select(p => p.Name));
        var values = new double?[_properties.Length];
        for (var i = 0; i < _properties.Length; i++)
        {
            var property = InputObject.Properties[_properties[i]];
            if (property is null) continue;
            _propertySeen[i] = true;
            values[i] = Number(property.Value, _properties[i]);
        }
        string? group = null;
        if (By is not null && InputObject.Properties[By] is { } byProperty)
        {
            _bySeen = true;
            group = GroupKey(byProperty.Value);
        }
        _measure!.Add(group, values);
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (_row == 0) return;
        if (By is not null && !_bySeen)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                $"No piped object has a property '{By}' to group by (-By). Properties of the first object: {PropertyNames()}.", By));
        var absent = new HashSet<string>(_properties.Where((_, i) => !_propertySeen[i]), StringComparer.OrdinalIgnoreCase);
        if (absent.Count > 0)
        {
            var error = ErrorRecords.InvalidArgumentError(
                $"No piped object has {(absent.Count == 1 ? "a property" : "the properties")} {string.Join(", ", absent.Select(n => $"'{n}'"))} (-Property). " +
                $"Properties of the first object: {PropertyNames()}.", string.Join(",", absent));
            // Nothing left to measure stops the command; otherwise the other properties are still described.
            if (absent.Count == _properties.Length) ThrowTerminatingError(error);
            WriteError(error);
        }
        foreach (var statistic in _measure!.Statistics())
        {
            if (!absent.Contains(statistic.Property)) WriteObject(statistic);
        }
    }

    private string PropertyNames() => _firstProperties ?? "";

    /// <summary>A value as a number: numbers as they are, text parsed culture-invariantly; null, empty text and NaN are missing.</summary>
    private double? Number(object? value, string name)
    {
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (unwrapped)
        {
            case null:
                return null;
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return Convert.ToDouble(unwrapped, CultureInfo.InvariantCulture);
            case var other:
                WriteError(ErrorRecords.InvalidInput(new InputFormatException(
                    $"'{name}' is {Describe(other)}, not a number; counted as missing.", field: name, record: _row, item: InputObject),
                    ErrorRecords.InvalidInputObject, InputObject));
                return null;
        }
    }

    private static string Describe(object value) => value is string text
        ? "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'"
        : $"a {value.GetType().Name}";

    /// <summary>A group value as text (culture-invariant; times as ISO 8601); null or empty is no group.</summary>
    private static string? GroupKey(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };
}
