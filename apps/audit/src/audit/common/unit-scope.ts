import { Injectable } from '@nestjs/common';
import { UnitTree } from '@nangsuat/administrative-units';

/** Units within a unit's subtree (its descendants and the historical units merged into them). */
@Injectable()
export class UnitScope {
  private readonly tree = new UnitTree();
  private readonly cache = new Map<string, string[]>();

  /** Throws NotFound (404) for an unknown unit code. */
  codesWithin(ancestor: string): string[] {
    let codes = this.cache.get(ancestor);
    if (!codes) {
      this.tree.get(ancestor);
      codes = this.tree.all().map((u) => u.code).filter((code) => this.tree.isWithin(code, ancestor));
      if (!codes.includes(ancestor)) codes.push(ancestor);
      this.cache.set(ancestor, codes);
    }
    return codes;
  }
}
