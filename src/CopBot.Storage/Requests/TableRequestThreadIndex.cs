using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>Thread → request: partition the encoded conversation id, one row ("request").</summary>
public sealed class TableRequestThreadIndex(CopBotTables tables) : IRequestThreadIndex
{
    private const string Row = "request";

    public async Task RegisterAsync(RequestThread thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var entity = new TableEntity(KeyEncoder.Encode(thread.ConversationId), Row)
        {
            ["Modality"] = thread.Modality,
            ["Community"] = thread.Community,
            ["RequestId"] = thread.RequestId,
        };
        await tables.RequestThreads.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<RequestThread?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var row = await tables.RequestThreads.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(conversationId), Row, cancellationToken: cancellationToken);
        return row.HasValue
            ? new RequestThread(conversationId, row.Value!.GetString("Modality") ?? "", row.Value.GetString("Community") ?? "", row.Value.GetString("RequestId") ?? "")
            : null;
    }
}
