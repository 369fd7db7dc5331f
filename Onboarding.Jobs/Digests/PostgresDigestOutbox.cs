using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;

namespace Onboarding.Jobs.Digests;

/// <summary>
/// On PostgreSQL a chunk is claimed, and its content and addressees read, in one statement; a group of marks is one
/// prepared UPDATE joined to the marks passed as arrays. The SQL names the tables and columns EF's snake-case convention gives
/// <see cref="DigestRecord"/>; enums are stored by name.
/// </summary>
internal sealed class PostgresDigestOutbox : DigestOutbox
{
    // FOR UPDATE SKIP LOCKED: rows another worker is claiming this instant are left to it instead of
    // waited for. A row it claimed and committed meanwhile is re-checked against the WHERE once locked
    // (READ COMMITTED), finds itself sending with a fresh lease, and drops out: never claimed twice.
    // The addressee is each recipient's first membership, open engagements first, found by one hash
    // join over the members rather than a lookup per digest.
    private const string ClaimSql = """
        WITH claimed AS (
            UPDATE digests AS d
            SET status = 'Sending', claimed_at = $1, claimed_by = $4, attempts = d.attempts + 1
            FROM (SELECT id FROM digests
                  WHERE id = ANY($2) AND (status = 'Pending' OR (status = 'Sending' AND (claimed_at < $3 OR claimed_by = $4)))
                  ORDER BY id
                  FOR UPDATE SKIP LOCKED) AS free
            WHERE d.id = free.id
            RETURNING d.id, d.recipient, d.period, d.attempts, d.subject, d.html_body, d.text_body),
        addressees AS (
            SELECT DISTINCT ON (lower(m.email)) lower(m.email) AS recipient, m.name, trim(m.email) AS email, m.unsubscribe_token
            FROM members AS m JOIN engagements AS e ON e.id = m.engagement_id
            WHERE lower(m.email) IN (SELECT recipient FROM claimed)
            ORDER BY lower(m.email), e.status = 'Closed', m.id)
        SELECT c.id, c.recipient, c.period, c.attempts, c.subject, c.html_body, c.text_body, a.name, a.email, a.unsubscribe_token
        FROM claimed AS c LEFT JOIN addressees AS a ON a.recipient = c.recipient
        ORDER BY c.id
        """;

    private const string RenewSql = """
        UPDATE digests SET claimed_at = $1
        WHERE id = ANY($2) AND status = 'Sending' AND claimed_at = $3
        RETURNING id
        """;

    private const string ReleaseSql = """
        UPDATE digests SET status = 'Pending'
        WHERE id = ANY($1) AND status = 'Sending' AND claimed_at = $2
        """;

    private const string MarkSql = """
        UPDATE digests AS d
        SET status = m.status, last_error = m.error, sent_at = COALESCE(m.sent_at, d.sent_at)
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[]) AS m(status, error, sent_at, id)
        WHERE d.id = m.id
        """;

    private readonly OnboardingDbContext db;
    private readonly NpgsqlCommand mark;

    private PostgresDigestOutbox(OnboardingDbContext db, NpgsqlCommand mark)
    {
        this.db = db;
        this.mark = mark;
    }

    public static async Task<DigestOutbox> PrepareAsync(OnboardingDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var mark = new NpgsqlCommand(MarkSql, (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
            },
        };
        // Prepared once per physical connection (Npgsql keeps it across pooled uses): each group is then a bind and execute.
        await mark.PrepareAsync(cancellationToken);
        return new PostgresDigestOutbox(db, mark);
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    public override async Task<List<ClaimedDigest>> ClaimAsync(long[] ids, string? claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, Connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = ids },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now - lease },
                new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)claimant ?? DBNull.Value },
            },
        };
        var claimed = new List<ClaimedDigest>(ids.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var to = reader.IsDBNull(7) ? null : new Addressee(reader.GetString(7), reader.GetString(8), reader.GetString(9));
            claimed.Add(new ClaimedDigest(
                reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), to));
        }
        return claimed;
    }

    public override async Task<HashSet<long>> RenewAsync(long[] ids, DateTimeOffset claimedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RenewSql, Connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = ids },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = claimedAt },
            },
        };
        var renewed = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            renewed.Add(reader.GetInt64(0));
        }
        return renewed;
    }

    public override async Task ReleaseAsync(long[] ids, DateTimeOffset claimedAt)
    {
        await using var command = new NpgsqlCommand(ReleaseSql, Connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = ids },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = claimedAt },
            },
        };
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public override async Task MarkAsync(IReadOnlyList<DigestMark> marks)
    {
        mark.Parameters[0].Value = marks.Select(m => m.Status.ToString()).ToArray();
        mark.Parameters[1].Value = marks.Select(m => m.Error).ToArray();
        mark.Parameters[2].Value = marks.Select(m => m.Status == DigestStatus.Sent ? m.At : (DateTimeOffset?)null).ToArray();
        mark.Parameters[3].Value = marks.Select(m => m.Id).ToArray();
        await mark.ExecuteNonQueryAsync(CancellationToken.None);
        Core.Telemetry.OnboardingMetrics.DigestsMarked(marks.Select(m => m.Status));
    }

    public override async ValueTask DisposeAsync()
    {
        await mark.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }
}
