import { Module } from '@nestjs/common';
import { AttachmentsModule, RecordAttachments } from '@nangsuat/attachments';
import { ProjectionsModule } from '@nangsuat/projections';
import { ApproveRegistrationController } from './approve-registration/approve-registration.controller';
import { ApproveRegistrationHandler } from './approve-registration/approve-registration.handler';
import { READ_MODEL_FACTORIES } from './common/read-models';
import { Registrations } from './common/registrations';
import { CreateProgrammeController } from './create-programme/create-programme.controller';
import { CreateProgrammeHandler } from './create-programme/create-programme.handler';
import { ExportEnterprisesController } from './export-enterprises/export-enterprises.controller';
import { ExportRegistrationsController } from './export-registrations/export-registrations.controller';
import { ImplementRegistrationController } from './implement-registration/implement-registration.controller';
import { ImplementRegistrationHandler } from './implement-registration/implement-registration.handler';
import { ListEnterprisesController } from './list-enterprises/list-enterprises.controller';
import { EnterpriseQueries } from './list-enterprises/list-enterprises.handler';
import { ListProgrammesController } from './list-programmes/list-programmes.controller';
import { ProgrammeQueries } from './list-programmes/list-programmes.handler';
import { ListRegistrationsController } from './list-registrations/list-registrations.controller';
import { RegistrationQueries } from './list-registrations/list-registrations.handler';
import { EnterpriseClaimsController } from './enterprise-claims/enterprise-claims.controller';
import { EnterpriseClaimsHandler } from './enterprise-claims/enterprise-claims.handler';
import { IdentityAccounts } from './enterprise-claims/identity-accounts';
import { RegistrationAttachmentsController } from './registration-attachments/registration-attachments.controller';
import { RegistrationAttachmentsHandler } from './registration-attachments/registration-attachments.handler';
import { RegisterEnterpriseController } from './register-enterprise/register-enterprise.controller';
import { RegisterEnterpriseHandler } from './register-enterprise/register-enterprise.handler';
import { ReviewRegistrationController } from './review-registration/review-registration.controller';
import { ReviewRegistrationHandler } from './review-registration/review-registration.handler';
import { SubmitRegistrationController } from './submit-registration/submit-registration.controller';
import { SubmitRegistrationHandler } from './submit-registration/submit-registration.handler';
import { UpdateEnterpriseController } from './update-enterprise/update-enterprise.controller';
import { UpdateEnterpriseHandler } from './update-enterprise/update-enterprise.handler';
import { UpdateProgrammeController } from './update-programme/update-programme.controller';
import { UpdateProgrammeHandler } from './update-programme/update-programme.handler';
import { WithdrawRegistrationController } from './withdraw-registration/withdraw-registration.controller';
import { WithdrawRegistrationHandler } from './withdraw-registration/withdraw-registration.handler';

import { ListEnterpriseClaimsController } from './list-enterprise-claims/list-enterprise-claims.controller';
import { EnterpriseClaimQueries } from './list-enterprise-claims/list-enterprise-claims.handler';

/** The support-programs bounded context: one folder per use case (command or query) beside this module. */
@Module({
  imports: [ProjectionsModule.forContext('support-programs', READ_MODEL_FACTORIES), AttachmentsModule],
  controllers: [
    CreateProgrammeController,
    UpdateProgrammeController,
    ListProgrammesController,
    RegisterEnterpriseController,
    UpdateEnterpriseController,
    // Before /enterprises/:id.
    ExportEnterprisesController,
    ListEnterprisesController,
    // Before /enterprise-claims/:id.
    ListEnterpriseClaimsController,
    EnterpriseClaimsController,
    SubmitRegistrationController,
    ReviewRegistrationController,
    ApproveRegistrationController,
    ImplementRegistrationController,
    WithdrawRegistrationController,
    RegistrationAttachmentsController,
    // Before /registrations/:id.
    ExportRegistrationsController,
    ListRegistrationsController,
  ],
  providers: [
    RegistrationAttachmentsHandler,
    Registrations,
    CreateProgrammeHandler,
    UpdateProgrammeHandler,
    ProgrammeQueries,
    RegisterEnterpriseHandler,
    UpdateEnterpriseHandler,
    EnterpriseQueries,
    SubmitRegistrationHandler,
    ReviewRegistrationHandler,
    ApproveRegistrationHandler,
    ImplementRegistrationHandler,
    WithdrawRegistrationHandler,
    RegistrationQueries,
    RecordAttachments,
    IdentityAccounts,
    EnterpriseClaimsHandler,
    EnterpriseClaimQueries,
  ],
})
export class SupportProgramsModule {}
