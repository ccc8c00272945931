import { Body, Controller, Get, Inject, Param, Post, Type, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Role, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { DownloadLink, RecordAttachments } from './record-attachments';
import { UploadedBytes } from './upload';
import { FileUploadInterceptor } from './upload.interceptor';
import { AttachmentView } from './views';

/** What each record's documents need from its context: who may attach which document, and who may read them. */
export interface RecordDocumentRules<Dto> {
  /** Checks that the actor may write the record (and any rule of the document's purpose), then attaches through RecordAttachments. */
  attach(context: CommandContext, id: string, dto: Dto, file: UploadedBytes | undefined): Promise<AttachmentView>;
  /** The record's stream, once the actor may read the record. */
  readableStream(actor: Actor, id: string): Promise<string>;
}

export interface RecordAttachmentRoutesOptions<Dto> {
  /** The record's collection route, e.g. `nominations`: the routes are `<path>/:id/attachments…`. */
  readonly path: string;
  readonly tag: string;
  /** The record in words, e.g. `a nomination`. */
  readonly record: string;
  /** The documents in words, e.g. `dossier, evidence, the award decision`. */
  readonly documents: string;
  /** Roles that may attach (each attach is then checked against the record by the rules). */
  readonly writers: readonly Role[];
  /** The multipart fields' DTO (purpose, title…), validated like any body. */
  readonly dto: Type<Dto>;
  readonly rules: Type<RecordDocumentRules<Dto>>;
}

/**
 * The three routes every record with documents has — attach (multipart, the file's SHA-256 into the
 * event), list, and a time-limited download link — written once. A context gives its record's path,
 * roles, DTO and rules: `export class NominationAttachmentsController extends RecordAttachmentRoutes({…}) {}`.
 */
/** The routes' class, for `extends`: Nest finds the routes, roles and DTO through its metadata. */
export interface RecordAttachmentRoutesClass {
  attach(context: CommandContext, id: string, dto: unknown, file: UploadedBytes | undefined): Promise<AttachmentView>;
  list(actor: Actor, id: string): Promise<AttachmentView[]>;
  link(actor: Actor, id: string, attachmentId: string): Promise<DownloadLink>;
}

export function RecordAttachmentRoutes<Dto>(options: RecordAttachmentRoutesOptions<Dto>): Type<RecordAttachmentRoutesClass> {
  @ApiTags(options.tag)
  @ApiBearerAuth()
  @Controller(options.path)
  class Routes {
    constructor(
      @Inject(options.rules) readonly rules: RecordDocumentRules<Dto>,
      readonly attachments: RecordAttachments,
    ) {}

    @Post(':id/attachments')
    @Roles(...options.writers)
    @UseInterceptors(FileUploadInterceptor)
    @CommandDocs()
    @ApiConsumes('multipart/form-data')
    @ApiBody({ type: options.dto })
    @ApiOperation({ summary: `Attach a document (${options.documents}) to ${options.record}; its SHA-256 goes into the event` })
    attach(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: Dto, @UploadedFile() file: UploadedBytes | undefined): Promise<AttachmentView> {
      return this.rules.attach(context, id, dto, file);
    }

    @Get(':id/attachments')
    @ApiOperation({ summary: `The documents of ${options.record}: name, kind, size, SHA-256, who attached them and when` })
    async list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentView[]> {
      return this.attachments.list(await this.rules.readableStream(actor, id));
    }

    @Get(':id/attachments/:attachmentId/link')
    @ApiOperation({ summary: 'A time-limited download link (presigned, ATTACHMENT_LINK_SECONDS, 5 minutes by default) for one document' })
    async link(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('attachmentId') attachmentId: string): Promise<DownloadLink> {
      return this.attachments.link(await this.rules.readableStream(actor, id), attachmentId);
    }
  }
  // The body's type is generic here, so TypeScript records it as Object and the global ValidationPipe
  // would let anything through: name the context's DTO class where the pipe reads it.
  const paramTypes = Reflect.getMetadata('design:paramtypes', Routes.prototype, 'attach') as unknown[];
  Reflect.defineMetadata('design:paramtypes', paramTypes.map((t, i) => (i === 2 ? options.dto : t)), Routes.prototype, 'attach');
  return Routes;
}
