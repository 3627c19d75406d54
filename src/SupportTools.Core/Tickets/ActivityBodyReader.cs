using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// Reads an <c>activity</c> object in one pass: writes its compact JSON (the stored, round-tripped form,
/// unknown keys included) and picks out the <see cref="ActivityFacts"/>. Not thread-safe; reuse one per reader.
/// </summary>
internal sealed class ActivityBodyReader
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly StringBuilder _changes = new();
    private readonly List<(byte[] Utf8, string Name)> _keyNames = new();

    /// <summary>Creates a reader with its own reusable buffers.</summary>
    public ActivityBodyReader() =>
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JsonOutput.Encoder });

    private readonly List<(string Key, int Start, int Length)> _values = [];
    private readonly Dictionary<int, (string[] Keys, string Joined)> _changeLists = [];

    private readonly CanonicalJson _canonical = new();

    /// <summary>
    /// The hash of the canonical form of the last object read (see <see cref="CanonicalJson"/>), computed in the same
    /// pass, for <see cref="ActivityKey"/>.
    /// </summary>
    internal ulong CanonicalHash => _canonical.Hash;

    /// <summary>The compact JSON of the last object read; valid until the next call.</summary>
    public ReadOnlySpan<byte> Json => _buffer.WrittenSpan;

    /// <summary>Each top-level key of the last object with where its value sits in <see cref="Json"/>.</summary>
    public ReadOnlySpan<(string Key, int Start, int Length)> Values => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values);

    /// <summary>Parses a JSON object given as text (piped or CSV input).</summary>
    public ActivityFacts Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Parses a JSON object given as UTF-8 bytes. Errors are <see cref="InputFormatException"/>s whose
    /// <see cref="InputFormatException.BytePosition"/> is the 1-based offset in <paramref name="json"/>.
    /// </summary>
    public ActivityFacts Read(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
            throw new InputFormatException("the activity is not valid UTF-8", field: "activity");
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read()) throw new InputFormatException("the activity is empty; expected a JSON object", field: "activity");
            var facts = Read(ref reader);
            if (reader.Read()) throw new InputFormatException("text follows the activity object", field: "activity");
            return facts;
        }
        catch (JsonException exception)
        {
            throw new InputFormatException("the activity is not valid JSON: " + exception.Message.Split(" LineNumber:")[0],
                field: "activity", inner: exception);
        }
    }

    /// <summary>
    /// Reads the object at the reader's current <c>StartObject</c> token through its matching end.
    /// The reader must hold the whole object (the file reader guarantees it) and its UTF-8 must be valid. Errors are
    /// <see cref="InputFormatException"/>s whose <see cref="InputFormatException.BytePosition"/> is the 1-based
    /// offset in the reader's input, which the file reader turns into a line and byte.
    /// </summary>
    public ActivityFacts Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Error(ref reader, $"expected a JSON object, found {JsonValues.Describe(ref reader)}", "activity");
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _changes.Clear();
        _values.Clear();
        _canonical.Reset();
        _canonical.Add(ref reader);
        string? status = null, priority = null, group = null;
        long? noteId = null, requesterId = null;
        int? noteType = null;
        var automation = false;

        _writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = KeyName(ref reader);
            _canonical.Add(ref reader);
            if (_changes.Length > 0) _changes.Append(',');
            _changes.Append(key);
            _writer.WritePropertyName(key);
            var valueStart = Position;
            reader.Read();
            switch (key)
            {
                case "status":
                    if (reader.TokenType != JsonTokenType.String)
                        throw Error(ref reader, $"status must be a string, found {JsonValues.Describe(ref reader)}", "activity.status");
                    status = TicketStatuses.Normalize(GetString(ref reader, "activity.", "status"));
                    break;
                case "note":
                    ReadNote(ref reader, out noteId, out noteType);
                    _values.Add((key, valueStart, Position - valueStart));
                    continue; // ReadNote wrote the object
                case "requester" or "requester_id":
                    requesterId = ReadId(ref reader, "activity." + key);
                    break;
                case "automation":
                    automation = reader.TokenType == JsonTokenType.StartObject;
                    break;
                case "priority":
                    priority = ReadPriority(ref reader);
                    break;
                case "group":
                    group = ReadGroup(ref reader);
                    break;
            }
            CopyValue(ref reader, "activity.", key);
            _values.Add((key, valueStart, Position - valueStart));
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw Error(ref reader, "the activity object is not closed", "activity");
        _canonical.Add(ref reader);
        _writer.WriteEndObject();
        _writer.Flush();
        return new ActivityFacts(status, noteId, noteType, requesterId, automation, Changes(), priority, group);
    }

    private readonly List<(byte[] Utf8, string Value)> _priorities = [], _groups = [];

    /// <summary>
    /// The priority a value sets, as <see cref="TicketProperties.Priority"/> reads it from a <see cref="JsonElement"/>:
    /// names in any case and 1-4 canonical, other numbers as written and other text trimmed; empty text and any other
    /// value set none. (A number's text normalized is the same as <see cref="TicketProperties.Priority"/>'s result.)
    /// </summary>
    private string? ReadPriority(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Number or JsonTokenType.String && !reader.ValueSpan.IsEmpty
            ? Cached(_priorities, ref reader, "priority", TicketProperties.Normalize)
            : null;

    /// <summary>The group a value assigns, as <see cref="TicketProperties"/> reads it: non-empty text as given, a number as written, else none.</summary>
    private string? ReadGroup(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Number or JsonTokenType.String && !reader.ValueSpan.IsEmpty
            ? Cached(_groups, ref reader, "group", text => text)
            : null;

    /// <summary>
    /// The value at the reader (text, or a number as written) made into <paramref name="make"/>'s result, remembered by
    /// its bytes: a desk has a handful of priorities and groups across millions of activities, and the store binds
    /// the UTF-8 of a string it has seen before without encoding it again.
    /// </summary>
    private static string Cached(List<(byte[] Utf8, string Value)> cache, ref Utf8JsonReader reader, string key, Func<string, string> make)
    {
        if (reader.ValueIsEscaped) return make(GetString(ref reader, "activity.", key));
        var bytes = reader.ValueSpan;
        foreach (var (utf8, value) in cache)
            if (bytes.SequenceEqual(utf8)) return value;
        var made = make(Encoding.UTF8.GetString(bytes));
        if (cache.Count < 256) cache.Add((bytes.ToArray(), made));
        return made;
    }

    /// <summary>
    /// The comma-joined key list, shared between activities with the same keys: a handful of combinations repeat
    /// across millions of rows. Keys are interned, so the combination is recognised by reference.
    /// </summary>
    private string Changes()
    {
        var hash = new HashCode();
        foreach (var (key, _, _) in _values) hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key));
        var code = hash.ToHashCode();
        if (_changeLists.TryGetValue(code, out var known) && known.Keys.Length == _values.Count)
        {
            var same = true;
            for (var i = 0; i < known.Keys.Length && same; i++) same = ReferenceEquals(known.Keys[i], _values[i].Key);
            if (same) return known.Joined;
        }
        var joined = _changes.ToString();
        if (_changeLists.Count < 4096) _changeLists[code] = (_values.Select(v => v.Key).ToArray(), joined);
        return joined;
    }

    /// <summary>Bytes written so far; the writer adds a property's separator lazily, so this is exact between values.</summary>
    private int Position => (int)(_writer.BytesCommitted + _writer.BytesPending);

    private void ReadNote(ref Utf8JsonReader reader, out long? noteId, out int? noteType)
    {
        noteId = null;
        noteType = null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Error(ref reader, $"note must be an object, found {JsonValues.Describe(ref reader)}", "activity.note");
        _writer.WriteStartObject();
        _canonical.Add(ref reader);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = KeyName(ref reader, "activity.note", "");
            _canonical.Add(ref reader);
            _writer.WritePropertyName(key);
            reader.Read();
            if (key == "id") noteId = ReadId(ref reader, "activity.note.id");
            else if (key == "type")
            {
                if (!JsonValues.TryGetWhole(ref reader, out var type) || type is < 0 or > int.MaxValue)
                    throw Error(ref reader, $"note type must be a whole number (0 reply … 6 broadcast), found {JsonValues.Describe(ref reader)}", "activity.note.type");
                noteType = (int)type;
            }
            CopyValue(ref reader, "activity.note.", key);
        }
        _canonical.Add(ref reader);
        _writer.WriteEndObject();
    }

    private static long ReadId(ref Utf8JsonReader reader, string field)
    {
        if (JsonValues.TryGetWhole(ref reader, out var id)) return id;
        if (reader.TokenType == JsonTokenType.String && long.TryParse(GetString(ref reader, field, ""), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out id)) return id;
        throw Error(ref reader, $"expected a numeric id, found {JsonValues.Describe(ref reader)}", field);
    }

    /// <summary>Copies the value at the reader (scalar or container) to the writer unchanged.</summary>
    private void CopyValue(ref Utf8JsonReader reader, string parent, string key)
    {
        WriteToken(ref reader, parent, key);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            WriteToken(ref reader, parent, key);
            if (reader.CurrentDepth == depth) return; // the matching end token
        }
    }

    /// <summary>Writes one token to the compact JSON and feeds it to the canonical hash; errors name <paramref name="parent"/> + <paramref name="key"/>.</summary>
    private void WriteToken(ref Utf8JsonReader reader, string parent, string key)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: _writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: _writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: _writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: _writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName: _writer.WritePropertyName(KeyName(ref reader, parent, key)); break;
            case JsonTokenType.String:
                if (reader.ValueIsEscaped) _writer.WriteStringValue(GetString(ref reader, parent, key));
                else _writer.WriteStringValue(reader.ValueSpan);
                break;
            case JsonTokenType.Number: _writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
            case JsonTokenType.True: _writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: _writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: _writer.WriteNullValue(); break;
        }
        _canonical.Add(ref reader); // after the switch, which refuses what cannot be unescaped
    }

    /// <summary>Interns key names: the same few dozen keys repeat millions of times.</summary>
    private string KeyName(ref Utf8JsonReader reader, string parent = "activity", string key = "")
    {
        if (reader.ValueIsEscaped) return GetString(ref reader, parent, key);
        var bytes = reader.ValueSpan;
        foreach (var (utf8, known) in _keyNames)
            if (bytes.SequenceEqual(utf8)) return known;
        var name = Encoding.UTF8.GetString(bytes);
        if (_keyNames.Count < 512) _keyNames.Add((bytes.ToArray(), name));
        return name;
    }

    /// <summary>
    /// The string at the reader, refusing a lone-surrogate escape (not Unicode; GetString would throw). The field named
    /// in the error is <paramref name="parent"/> + <paramref name="key"/>, joined only if there is an error.
    /// </summary>
    private static string GetString(ref Utf8JsonReader reader, string parent, string key)
    {
        if (reader.ValueIsEscaped && JsonValues.LoneSurrogateIndex(reader.ValueSpan) is var bad and >= 0)
            throw Error(ref reader, "a \\u escape is a lone surrogate, which is not valid Unicode", parent + key, 1 + bad);
        return reader.GetString()!;
    }

    /// <summary>An error located at the reader's token (plus <paramref name="offset"/> bytes into it).</summary>
    private static InputFormatException Error(ref Utf8JsonReader reader, string reason, string field, long offset = 0) =>
        new(reason, bytePosition: reader.TokenStartIndex + offset + 1, field: field);
}
