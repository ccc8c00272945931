import { BadRequestException, CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { objectStorageConfigFromEnv } from './object-storage';

/** Form fields an upload may carry beside the file (name, purpose, title, …): few and short. */
const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 2000;

/**
 * Reads a multipart/form-data upload into memory after the guards (so a 401/403 never depends on
 * the body), one file in the part "file", at most ATTACHMENT_MAX_BYTES. What multer refuses becomes
 * a 4xx that says what to change. A JSON body (or none) passes through untouched: the handler then
 * says that a file is needed.
 */
@Injectable()
export class FileUploadInterceptor implements NestInterceptor {
  private readonly maxBytes = objectStorageConfigFromEnv().maxBytes;
  private readonly read = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: this.maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1, fieldNameSize: 100 },
  }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    await new Promise<void>((resolve, reject) => {
      this.read(req, http.getResponse<Response>(), (error: unknown) => (error ? reject(this.refusal(error)) : resolve()));
    });
    return next.handle();
  }

  private refusal(error: unknown): HttpException {
    if (error instanceof multer.MulterError) {
      switch (error.code) {
        case 'LIMIT_FILE_SIZE':
          return new PayloadTooLargeException(`The file is larger than the ${this.maxBytes} bytes accepted; nothing was stored.`);
        case 'LIMIT_UNEXPECTED_FILE':
        case 'LIMIT_FILE_COUNT':
          return new BadRequestException(`Send one file, in the multipart part named "file"${error.field ? ` (got a file in "${error.field.slice(0, 100)}")` : ''}.`);
        case 'LIMIT_FIELD_VALUE':
          return new BadRequestException(`The form field "${(error.field ?? '').slice(0, 100)}" is longer than ${MAX_FIELD_BYTES} bytes.`);
        default:
          return new BadRequestException(`The upload was refused: ${error.message} (at most one file in "file" and ${MAX_FIELDS} short fields).`);
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    return new BadRequestException(`The multipart/form-data body could not be read (${message.slice(0, 160)}); send the file again.`);
  }
}
