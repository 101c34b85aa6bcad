export * from './entities';
export * from './budgets.permissions';
export * from './budgets.module';
export * from './seed/budget-classification.seeder';
export * from './services/budget.service';
export * from './services/budget-view.service';
export * from './services/classification.service';
