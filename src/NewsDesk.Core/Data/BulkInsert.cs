using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsDesk.Core.Data;

/// <summary>
/// Inserts many new entities of one type through one prepared statement reused for all of them, for batch writers
/// (ingest) where the change tracker's cost per entity would dominate. Columns and value conversions come from the
/// EF model, so each row is what SaveChanges would write; the SQL is standard (INSERT … VALUES, RETURNING), which
/// SQLite and PostgreSQL both run. Interceptors do not see these rows: callers bump the content stamp themselves.
/// Runs in the context's current transaction (callers wanting all rows or none start one); like SaveChanges, it
/// reports a refused row as a <see cref="DbUpdateException"/>.
/// </summary>
/// <remarks>
/// One row per statement on purpose: with SQLite a prepared single-row INSERT costs half as much CPU per row as
/// multi-row VALUES (bench/Ingest), which SQLite runs as a compound select and whose parameters are bound by name.
/// </remarks>
public static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="entities"/>, which stay untracked (refer to them by key, not by navigation).
    /// A key the store generates is read back into each entity.
    /// </summary>
    public static async Task InsertAsync<T>(this DbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties;
        var generated = key is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var columns = type.GetProperties().Where(p => p != generated).ToList();
        if (columns.Find(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property; bulk inserts take values from the entity.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();

        await db.WithCommandAsync(async command =>
        {
            var names = columns.Select((c, i) => "p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
                + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) "
                + $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))})"
                + (generated is null ? "" : " RETURNING " + sql.DelimitIdentifier(generated.GetColumnName(table)!));
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(names[c]), null, columns[c].IsNullable));
            }

            await command.PrepareAsync(cancellationToken);
            foreach (var entity in entities)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = getters[c].GetClrValue(entity);
                    if (value is not null && mappings[c].Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    command.Parameters[c].Value = value ?? DBNull.Value;
                }

                object? id;
                try
                {
                    id = generated is null ? await command.ExecuteNonQueryAsync(cancellationToken) : await command.ExecuteScalarAsync(cancellationToken);
                }
                catch (DbException ex)
                {
                    throw new DbUpdateException($"An error occurred while inserting into {table.Name}: {ex.Message}", ex);
                }

                if (generated is not null)
                {
                    db.Entry(entity).Property(generated.Name).CurrentValue = Convert.ChangeType(id, generated.ClrType, CultureInfo.InvariantCulture);
                }
            }

            return entities.Count;
        }, cancellationToken);
    }
}
