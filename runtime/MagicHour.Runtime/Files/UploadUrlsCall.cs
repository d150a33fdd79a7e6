using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Files;

/// <summary>One local file to upload, as the API's upload-URL operation asks for it.</summary>
/// <param name="AssetType">The asset type: <c>image</c>, <c>video</c> or <c>audio</c> (see <see cref="AssetTypes"/>).</param>
/// <param name="Extension">The file's extension, lower case, without the dot.</param>
public sealed record AssetUploadRequest(string AssetType, string Extension);

/// <summary>Where one file goes: the pre-signed URL to <c>PUT</c> it to, and the <c>file_path</c> to send in its place.</summary>
/// <param name="UploadUrl">The pre-signed upload URL, as the server sent it.</param>
/// <param name="FilePath">The value an API call takes instead of the local path.</param>
public sealed record AssetUploadTarget(string? UploadUrl, string? FilePath);

/// <summary>
/// The API's upload-URL operation (e.g. <c>POST /v1/files/upload-urls</c>) as the generated client hands it to the
/// runtime: it asks for one upload target per file, in the same order.
/// </summary>
/// <param name="files">The files to upload.</param>
/// <param name="cancellationToken">Cancels the call.</param>
public delegate Task<IReadOnlyList<AssetUploadTarget>> UploadUrlsCall(IReadOnlyList<AssetUploadRequest> files, CancellationToken cancellationToken);
