using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>Members and conversations on Table Storage; every upsert is an ETag-guarded read-modify-write.</summary>
public sealed class TableContactStore(CopBotTables tables, ILogger<TableContactStore> logger) : IContactStore
{
    public Task UpsertMemberAsync(MemberContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return ConcurrencyRetry.RunAsync(ct => UpsertMemberOnceAsync(contact, ct), logger, "member", cancellationToken);
    }

    public async Task<MemberContact?> GetMemberAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(userId);
        var stored = await tables.Members.GetEntityIfExistsAsync<TableEntity>(
            MemberRows.Partition(tenantId), MemberRows.MemberRow(userId), cancellationToken: cancellationToken);
        return stored.HasValue ? MemberRows.ToContact(stored.Value!) : null;
    }

    public async Task<MemberContact?> FindMemberByAadObjectIdAsync(
        string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(aadObjectId);
        var index = await tables.Members.GetEntityIfExistsAsync<TableEntity>(
            MemberRows.Partition(tenantId), MemberRows.AadIndexRow(aadObjectId), cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value!.GetString("UserId") is not { } userId)
        {
            return null;
        }

        // Two Teams ids could once have claimed the same object id; trust the member row, not the index.
        var member = await GetMemberAsync(tenantId, userId, cancellationToken);
        return string.Equals(member?.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase) ? member : null;
    }

    public async Task<MemberContact?> FindMemberByEmailAsync(string tenantId, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var index = await tables.Members.GetEntityIfExistsAsync<TableEntity>(
            MemberRows.Partition(tenantId), MemberRows.EmailIndexRow(email.Trim()), cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value!.GetString("UserId") is not { } userId)
        {
            return null;
        }

        // As for object ids: trust the member row, not an index row another Teams id may have left behind.
        var member = await GetMemberAsync(tenantId, userId, cancellationToken);
        return member is not null && member.Addresses().Contains(email.Trim(), StringComparer.OrdinalIgnoreCase) ? member : null;
    }

    public Task UpsertConversationAsync(ConversationContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return ConcurrencyRetry.RunAsync(ct => UpsertConversationOnceAsync(contact, ct), logger, "conversation", cancellationToken);
    }

    public async Task<ConversationContact?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var stored = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(
            ConversationRows.Partition(conversationId), ConversationRows.Row, cancellationToken: cancellationToken);
        return stored.HasValue ? ConversationRows.ToContact(stored.Value!) : null;
    }

    private async Task UpsertMemberOnceAsync(MemberContact contact, CancellationToken cancellationToken)
    {
        var stored = await tables.Members.GetEntityIfExistsAsync<TableEntity>(
            MemberRows.Partition(contact.TenantId), MemberRows.MemberRow(contact.UserId), cancellationToken: cancellationToken);
        var merged = stored.HasValue ? ContactMerging.Merge(MemberRows.ToContact(stored.Value!), contact) : contact;
        var entity = MemberRows.ToEntity(merged);
        List<TableTransactionAction> actions = stored.HasValue
            ? [new(TableTransactionActionType.UpdateReplace, entity, stored.Value!.ETag)]
            : [new(TableTransactionActionType.Add, entity)];
        if (merged.AadObjectId is { } aadObjectId)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, MemberRows.ToAadIndex(merged, aadObjectId)));
        }

        // Index rows only: a changed address leaves the old row behind, which the lookup ignores (it checks the member).
        actions.AddRange(merged.Addresses().Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, MemberRows.ToEmailIndex(merged, a))));

        await tables.Members.SubmitTransactionAsync(actions, cancellationToken);
    }

    private async Task UpsertConversationOnceAsync(ConversationContact contact, CancellationToken cancellationToken)
    {
        var stored = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(
            ConversationRows.Partition(contact.ConversationId), ConversationRows.Row, cancellationToken: cancellationToken);
        if (stored.HasValue)
        {
            var merged = ContactMerging.Merge(ConversationRows.ToContact(stored.Value!), contact);
            await tables.Conversations.UpdateEntityAsync(
                ConversationRows.ToEntity(merged), stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await tables.Conversations.AddEntityAsync(ConversationRows.ToEntity(contact), cancellationToken);
        }
    }
}
