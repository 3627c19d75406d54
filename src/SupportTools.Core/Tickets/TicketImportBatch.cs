using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SupportTools.Tickets;

/// <summary>
/// One import in one transaction: activities are added one by one and become visible only at <see cref="Commit"/>;
/// disposing without committing rolls everything back. Repeats (already stored, or earlier in the same input) are
/// recognised by their content key and counted, not inserted. Files and piped objects both come through here.
/// </summary>
public sealed class TicketImportBatch : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly long _importId;
    private readonly string? _source;
    private readonly SqliteCommand _insertActivity, _insertTicket, _insertNote, _insertProperty;
    private readonly HashSet<long> _tickets = [];
    private readonly XxHash64 _hash = new();
    private readonly ActivityBodyReader _pipedBody = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _activities, _inserted;
    private bool _committed;

    internal TicketImportBatch(SqliteConnection connection, string? source)
    {
        _source = source;
        _transaction = connection.BeginTransaction();
        using (var import = Command(connection, "INSERT INTO imports (source, activities, tickets, inserted, duplicates, imported_at) VALUES ($source, 0, 0, 0, 0, $at) RETURNING id"))
        {
            import.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
            import.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            _importId = (long)import.ExecuteScalar()!;
        }
        _insertActivity = Command(connection, """
            INSERT OR IGNORE INTO activities (import_id, ticket_id, performed_at, utc_offset, performer_type, performer_id,
                status, note_type, requester_id, is_automation, changes, activity, content_key)
            VALUES ($import, $ticket, $at, $offset, $type, $performer, $status, $noteType, $requester, $automation, $changes, $activity, $key)
            RETURNING id
            """, "$import", "$ticket", "$at", "$offset", "$type", "$performer", "$status", "$noteType", "$requester", "$automation", "$changes", "$activity", "$key");
        _insertActivity.Parameters["$import"].Value = _importId;
        _insertTicket = Command(connection, "INSERT OR IGNORE INTO tickets (ticket_id, first_import_id) VALUES ($ticket, $import)", "$ticket", "$import");
        _insertTicket.Parameters["$import"].Value = _importId;
        _insertNote = Command(connection, "INSERT INTO notes (activity_id, note_id, note_type) VALUES ($activity, $note, $type)", "$activity", "$note", "$type");
        _insertProperty = Command(connection, "INSERT OR REPLACE INTO property_changes (activity_id, name, value) VALUES ($activity, $name, $value)", "$activity", "$name", "$value");
    }

    /// <summary>Activities added so far.</summary>
    public long Activities => _activities;

    /// <summary>Adds a piped activity.</summary>
    public void Add(TicketActivity activity)
    {
        var facts = _pipedBody.Read(activity.Activity);
        Add(activity.TicketId, activity.PerformedAt, activity.PerformerType, activity.PerformerId, facts, _pipedBody);
    }

    /// <summary>Adds an activity whose body was just read by <paramref name="body"/> (the file path: no intermediate object).</summary>
    public void Add(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, in ActivityFacts facts, ActivityBodyReader body)
    {
        _activities++;
        if (_tickets.Add(ticketId)) Execute(_insertTicket, ("$ticket", ticketId));

        var json = body.Json;
        var seconds = performedAt.ToUnixTimeSeconds();
        var offset = (long)performedAt.Offset.TotalMinutes;
        var p = _insertActivity.Parameters;
        p["$ticket"].Value = ticketId;
        p["$at"].Value = seconds;
        p["$offset"].Value = offset;
        p["$type"].Value = performerType;
        p["$performer"].Value = (object?)performerId ?? DBNull.Value;
        p["$status"].Value = (object?)facts.Status ?? DBNull.Value;
        p["$noteType"].Value = (object?)facts.NoteType ?? DBNull.Value;
        p["$requester"].Value = (object?)facts.RequesterId ?? DBNull.Value;
        p["$automation"].Value = facts.IsAutomation;
        p["$changes"].Value = facts.Changes;
        p["$activity"].Value = Encoding.UTF8.GetString(json);
        p["$key"].Value = ContentKey(ticketId, seconds, offset, performerType, performerId, json);
        if (_insertActivity.ExecuteScalar() is not long id) return; // a repeat: already stored or earlier in this input
        _inserted++;

        if (facts.NoteType is not null) Execute(_insertNote, ("$activity", id), ("$note", facts.NoteId), ("$type", facts.NoteType));
        foreach (var (key, start, length) in body.Values)
        {
            if (key is "note" or "status") continue; // kept in notes / on the activity row
            Execute(_insertProperty, ("$activity", id), ("$name", key), ("$value", Encoding.UTF8.GetString(json.Slice(start, length))));
        }
    }

    /// <summary>Commits and returns the summary; <paramref name="sha256"/> and the window describe a file import.</summary>
    public ImportSummary Commit(string? sha256 = null, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null)
    {
        var duplicates = _activities - _inserted;
        using (var update = Command(_transaction.Connection!, """
            UPDATE imports SET sha256 = $sha, start_at = $start, end_at = $end, activities = $activities, tickets = $tickets,
                inserted = $inserted, duplicates = $duplicates WHERE id = $id
            """))
        {
            update.Parameters.AddWithValue("$sha", (object?)sha256 ?? DBNull.Value);
            update.Parameters.AddWithValue("$start", (object?)startAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
            update.Parameters.AddWithValue("$end", (object?)endAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
            update.Parameters.AddWithValue("$activities", _activities);
            update.Parameters.AddWithValue("$tickets", _tickets.Count);
            update.Parameters.AddWithValue("$inserted", _inserted);
            update.Parameters.AddWithValue("$duplicates", duplicates);
            update.Parameters.AddWithValue("$id", _importId);
            update.ExecuteNonQuery();
        }
        _transaction.Commit();
        _committed = true;
        return new ImportSummary(_source, _activities, _tickets.Count, _inserted, duplicates, _elapsed.Elapsed);
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        if (!_committed) _transaction.Rollback();
        foreach (var command in new[] { _insertActivity, _insertTicket, _insertNote, _insertProperty }) command.Dispose();
        _transaction.Dispose();
    }

    private long ContentKey(long ticketId, long seconds, long offset, string performerType, long? performerId, ReadOnlySpan<byte> json)
    {
        Span<byte> numbers = stackalloc byte[32];
        BitConverter.TryWriteBytes(numbers, ticketId);
        BitConverter.TryWriteBytes(numbers[8..], seconds);
        BitConverter.TryWriteBytes(numbers[16..], offset);
        BitConverter.TryWriteBytes(numbers[24..], performerId ?? long.MinValue);
        _hash.Reset();
        _hash.Append(numbers);
        _hash.Append(Encoding.UTF8.GetBytes(performerType));
        _hash.Append(json);
        return (long)_hash.GetCurrentHashAsUInt64();
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Execute(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters[name].Value = value ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
